use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    for sensor in 0..sensors {
        let tx = tx.clone();
        thread::spawn(move || {
            for seq in 0..per_sensor {
                // The receiver may be gone already: ignore the send error.
                let _ = tx.send(read_sensor(sensor, seq));
            }
        });
    }
    // Bug: receives one sensor's worth of readings and drops the rest.
    (0..per_sensor).map(|_| rx.recv().unwrap()).collect()
}
