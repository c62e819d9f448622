use crate::exercise::{read_sensor, Reading};
use std::sync::mpsc;
use std::thread;

// Bounded channel: the collector receives while the producers run, then joins them and
// re-raises a producer's panic instead of returning fewer readings silently.
pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let (tx, rx) = mpsc::sync_channel::<Reading>(4);
    let producers: Vec<_> = (0..sensors)
        .map(|sensor| {
            let tx = tx.clone();
            thread::Builder::new()
                .name(format!("sensor-{sensor}"))
                .spawn(move || {
                    for seq in 0..per_sensor {
                        tx.send(read_sensor(sensor, seq)).expect("collector is gone");
                    }
                })
                .expect("could not start a producer")
        })
        .collect();
    drop(tx);
    let mut readings = Vec::with_capacity(sensors * per_sensor);
    while let Ok(r) = rx.recv() {
        readings.push(r);
    }
    for p in producers {
        if let Err(panic) = p.join() {
            std::panic::resume_unwind(panic);
        }
    }
    readings
}
