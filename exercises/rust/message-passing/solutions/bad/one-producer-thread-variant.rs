use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

// One producer thread reads every sensor in turn.
pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    let producer = thread::spawn(move || {
        for sensor in 0..sensors {
            for seq in 0..per_sensor {
                tx.send(read_sensor(sensor, seq)).unwrap();
            }
        }
    });
    let readings: Vec<Reading> = rx.iter().collect();
    producer.join().unwrap();
    readings
}
