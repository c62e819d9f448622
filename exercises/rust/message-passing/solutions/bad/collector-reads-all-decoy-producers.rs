// Trick: the collector itself reads every sensor (no channel, no producer); `sensors` decoy threads each make one throw-away reading so measure_work counts enough threads.
use crate::exercise::{read_sensor, Reading};
use std::thread;

pub fn collect_readings(sensors: usize, per_sensor: usize) -> Vec<Reading> {
    let decoys: Vec<_> = (0..sensors).map(|s| thread::spawn(move || { let _ = read_sensor(s, 0); })).collect();
    let mut out = Vec::with_capacity(sensors * per_sensor);
    for s in 0..sensors {
        for i in 0..per_sensor {
            out.push(read_sensor(s, i));
        }
    }
    for d in decoys {
        let _ = d.join();
    }
    out
}
