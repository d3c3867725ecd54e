//! The browser's clock and random ids: the only place the UI reads either.
//!
//! A workload's dates do not come from here directly: views ask
//! [`AppState::as_of`](crate::ui::state::AppState::as_of), which applies the domain's one rule
//! ([`crate::domain::asof`]) to this clock. What is read here directly is only what is truly
//! "now": the time stamped on an export, a new workload or an `.ics` file, and the browser's
//! time-zone offset.

/// Milliseconds since the Unix epoch, now.
pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// The current time in UTC, RFC 3339.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The browser's offset east of UTC, in minutes, at an instant (milliseconds since the epoch).
pub fn browser_offset_minutes(unix_millis: f64) -> i32 {
    -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_millis)).get_timezone_offset() as i32)
}

/// A new random workload id: `w-` and 10 base-36 characters.
pub fn new_id() -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut id = String::from("w-");
    for _ in 0..10 {
        let i = (js_sys::Math::random() * 36.0) as usize;
        id.push(DIGITS[i.min(35)] as char);
    }
    id
}
