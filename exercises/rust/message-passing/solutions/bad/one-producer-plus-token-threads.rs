// One producer thread reads every sensor but the first reading of each; one thread per sensor
// makes only that first reading, so `sensors` threads made readings although one did the work.
use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();
    for s in 0..sensors {
        let tx = tx.clone();
        handles.push(thread::spawn(move || {
            if per_sensor > 0 {
                tx.send(read_sensor(s, 0)).unwrap();
            }
        }));
    }
    let worker = tx.clone();
    handles.push(thread::spawn(move || {
        for s in 0..sensors {
            for i in 1..per_sensor {
                worker.send(read_sensor(s, i)).unwrap();
            }
        }
    }));
    drop(tx);
    let out: Vec<Reading> = rx.iter().collect();
    for h in handles {
        h.join().unwrap();
    }
    out
}
