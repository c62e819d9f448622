use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

/// Reads `per_sensor` readings from each of `sensors` sensors, each sensor on its own producer
/// thread that sends its readings into one channel, and returns every reading (any order)
/// once all producers are done.
pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    // TODO: one producer thread per sensor, sending into an mpsc channel; receive here.
    let mut readings = Vec::new();
    for sensor in 0..sensors {
        for seq in 0..per_sensor {
            readings.push(read_sensor(sensor, seq));
        }
    }
    readings
}
