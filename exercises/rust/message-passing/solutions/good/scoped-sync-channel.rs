use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    // A bounded channel: a producer waits when 8 readings are queued and not yet received.
    let (tx, rx) = mpsc::sync_channel(8);
    thread::scope(|s| {
        for sensor in 0..sensors {
            let tx = tx.clone();
            s.spawn(move || {
                for seq in 0..per_sensor {
                    tx.send(read_sensor(sensor, seq)).unwrap();
                }
            });
        }
        // The original sender stays alive, so count instead of waiting for the channel to close.
        // Receive inside the scope: the scope's end waits for producers that wait for us.
        (0..sensors * per_sensor).map(|_| rx.recv().unwrap()).collect()
    })
}
