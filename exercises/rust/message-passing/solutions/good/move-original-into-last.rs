use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc::{self, Sender};
use std::thread;

// No explicit drop: the original Sender is moved into the last producer.
pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    if sensors == 0 {
        return Vec::new();
    }
    let (tx, rx) = mpsc::channel::<Reading>();
    let mut senders: Vec<Sender<Reading>> = (1..sensors).map(|_| tx.clone()).collect();
    senders.push(tx);
    let handles: Vec<_> = senders
        .into_iter()
        .enumerate()
        .map(|(sensor, tx)| {
            thread::spawn(move || {
                (0..per_sensor).for_each(|seq| {
                    let _ = tx.send(read_sensor(sensor, seq));
                })
            })
        })
        .collect();
    let readings: Vec<Reading> = rx.into_iter().collect();
    for h in handles {
        h.join().unwrap();
    }
    readings
}
