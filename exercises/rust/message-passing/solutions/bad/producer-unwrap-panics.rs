use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

// The last producer indexes a per-sensor table that is one entry too short and panics;
// the collector just returns fewer readings.
pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    let offsets: Vec<usize> = (0..sensors.saturating_sub(1)).collect();
    let offsets = std::sync::Arc::new(offsets);
    for sensor in 0..sensors {
        let tx = tx.clone();
        let offsets = offsets.clone();
        thread::spawn(move || {
            let _first = offsets[sensor]; // out of bounds for the last sensor
            for seq in 0..per_sensor {
                tx.send(read_sensor(sensor, seq)).unwrap();
            }
        });
    }
    drop(tx);
    rx.iter().collect()
}
