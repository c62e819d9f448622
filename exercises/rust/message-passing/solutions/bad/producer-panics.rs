use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    for sensor in 0..sensors {
        let tx = tx.clone();
        thread::spawn(move || {
            for seq in 0..per_sensor {
                let reading = read_sensor(sensor, seq);
                // Bug: a sensor that "cannot happen" to fail does; the panic ends this thread and
                // drops its Sender, so the receiver simply sees fewer readings.
                assert!(!(sensor == 1 && seq == 3), "sensor 1 stopped responding");
                tx.send(reading).unwrap();
            }
        });
    }
    drop(tx);
    rx.into_iter().collect()
}
