//! Opening hours: "open now" and "24 hours" from HSDS weekly schedules, in the service's own
//! IANA time zone (so summer time is right on both sides of the change).

use chrono::{DateTime, Datelike, NaiveTime, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;

use crate::hsds::Schedule;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    Open,
    Closed,
    /// The hours are not known in a form Harbour can read (free text only, or none).
    Unknown,
}

/// One weekly opening: days, and minutes since midnight (close may be 1440, or less than open
/// for an opening that runs past midnight).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyOpening {
    /// The days, one bit each from Monday (bit 0) to Sunday (bit 6): twelve bytes per
    /// opening and no allocation, as the search index keeps every service's openings.
    pub days: u8,
    pub opens: u32,
    pub closes: u32,
}

fn day_bit(day: Weekday) -> u8 {
    1 << day.num_days_from_monday()
}

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code.trim().to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

/// Minutes since midnight for "HH:MM" or "HH:MM:SS"; "24:00" is 1440.
pub fn parse_clock(s: &str) -> Option<u32> {
    let s = s.trim();
    if s == "24:00" || s == "24:00:00" {
        return Some(1440);
    }
    let t = NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()?;
    Some(t.hour() * 60 + t.minute())
}

impl WeeklyOpening {
    /// Reads an HSDS schedule; None when it is not a weekly schedule with days and clock times.
    pub fn from_schedule(s: &Schedule) -> Option<WeeklyOpening> {
        if !s
            .freq
            .as_deref()
            .unwrap_or("WEEKLY")
            .eq_ignore_ascii_case("WEEKLY")
        {
            return None;
        }
        let days: Option<Vec<Weekday>> = s.byday.as_deref()?.split(',').map(weekday).collect();
        let days = days?.into_iter().fold(0u8, |bits, d| bits | day_bit(d));
        if days == 0 {
            return None;
        }
        let opens = parse_clock(s.opens_at.as_deref()?)?;
        let closes = parse_clock(s.closes_at.as_deref()?)?;
        (opens < 1440 && opens != closes).then_some(WeeklyOpening {
            days,
            opens,
            closes,
        })
    }

    fn covers(&self, day: Weekday, minute: u32) -> bool {
        if self.closes > self.opens {
            self.has(day) && minute >= self.opens && minute < self.closes
        } else {
            // runs past midnight: the evening part today, the morning part from yesterday
            (self.has(day) && minute >= self.opens)
                || (self.has(day.pred()) && minute < self.closes)
        }
    }

    fn has(&self, day: Weekday) -> bool {
        self.days & day_bit(day) != 0
    }

    fn is_all_day_every_day(&self) -> bool {
        self.days == 0x7f && self.opens == 0 && self.closes == 1440
    }
}

/// The weekly openings of a list of schedules, or None when any schedule is free text only
/// (then Harbour cannot tell when the service is open and says so).
pub fn weekly(schedules: &[Schedule]) -> Option<Vec<WeeklyOpening>> {
    if schedules.is_empty() {
        return None;
    }
    schedules.iter().map(WeeklyOpening::from_schedule).collect()
}

/// Whether a service with these schedules is open at `now`, in time zone `tz`.
pub fn open_state(schedules: &[Schedule], tz: Option<&str>, now: DateTime<Utc>) -> OpenState {
    match weekly(schedules) {
        Some(openings) => open_state_weekly(&openings, tz, now),
        None => OpenState::Unknown,
    }
}

/// Like [`open_state`], for openings already read from their schedules.
pub fn open_state_weekly(
    openings: &[WeeklyOpening],
    tz: Option<&str>,
    now: DateTime<Utc>,
) -> OpenState {
    let Some(tz) = tz.and_then(|t| t.parse::<Tz>().ok()) else {
        return OpenState::Unknown;
    };
    let local = tz.from_utc_datetime(&now.naive_utc());
    let minute = local.hour() * 60 + local.minute();
    if openings.iter().any(|o| o.covers(local.weekday(), minute)) {
        OpenState::Open
    } else {
        OpenState::Closed
    }
}

/// True when the schedules say the service is open around the clock, every day.
pub fn is_24_7(schedules: &[Schedule]) -> bool {
    weekly(schedules).is_some_and(|o| o.iter().any(WeeklyOpening::is_all_day_every_day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sched(byday: &str, opens: &str, closes: &str) -> Schedule {
        Schedule {
            freq: Some("WEEKLY".into()),
            byday: Some(byday.into()),
            opens_at: Some(opens.into()),
            closes_at: Some(closes.into()),
            ..Default::default()
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn weekday_hours_in_local_time_across_zones() {
        let s = [sched("MO,TU,WE,TH,FR", "09:00", "20:00")];
        // Monday 2026-11-30 07:30 UTC is 08:30 in Warsaw (closed) and 09:30 in Helsinki (open)
        let t = utc("2026-11-30T07:30:00Z");
        assert_eq!(open_state(&s, Some("Europe/Warsaw"), t), OpenState::Closed);
        assert_eq!(open_state(&s, Some("Europe/Helsinki"), t), OpenState::Open);
        // Saturday is closed everywhere
        assert_eq!(
            open_state(&s, Some("Europe/Warsaw"), utc("2026-11-28T12:00:00Z")),
            OpenState::Closed
        );
    }

    #[test]
    fn summer_time_moves_the_opening() {
        let s = [sched("MO,TU,WE,TH,FR", "09:00", "17:00")];
        // 07:30 UTC: in winter Madrid is UTC+1 (08:30, closed); in summer UTC+2 (09:30, open)
        assert_eq!(
            open_state(&s, Some("Europe/Madrid"), utc("2026-01-12T07:30:00Z")),
            OpenState::Closed
        );
        assert_eq!(
            open_state(&s, Some("Europe/Madrid"), utc("2026-07-13T07:30:00Z")),
            OpenState::Open
        );
    }

    #[test]
    fn overnight_openings_span_midnight() {
        let s = [sched("FR", "18:00", "02:00")];
        // Saturday 01:00 in Paris is still Friday's opening
        assert_eq!(
            open_state(&s, Some("Europe/Paris"), utc("2026-11-28T00:00:00Z")),
            OpenState::Open
        );
        assert_eq!(
            open_state(&s, Some("Europe/Paris"), utc("2026-11-28T02:30:00Z")),
            OpenState::Closed
        );
    }

    #[test]
    fn unknown_when_text_only_or_no_zone() {
        let text_only = [Schedule {
            description: Some("office hours".into()),
            ..Default::default()
        }];
        let t = utc("2026-11-30T10:00:00Z");
        assert_eq!(
            open_state(&text_only, Some("Europe/Rome"), t),
            OpenState::Unknown
        );
        assert_eq!(open_state(&[], Some("Europe/Rome"), t), OpenState::Unknown);
        assert_eq!(
            open_state(&[sched("MO", "09:00", "17:00")], None, t),
            OpenState::Unknown
        );
    }

    #[test]
    fn around_the_clock() {
        let s = [sched("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00")];
        assert!(is_24_7(&s));
        assert!(!is_24_7(&[sched("MO,TU,WE,TH,FR", "00:00", "24:00")]));
        assert_eq!(
            open_state(&s, Some("Europe/Kyiv"), utc("2026-12-25T03:00:00Z")),
            OpenState::Open
        );
    }

    proptest! {
        #[test]
        fn a_24_7_service_is_always_open(secs in 0i64..4_000_000_000, tz in prop::sample::select(
            vec!["Europe/Lisbon", "Europe/Kyiv", "Atlantic/Reykjavik", "Europe/Istanbul"])) {
            let s = [sched("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00")];
            let now = DateTime::from_timestamp(secs, 0).unwrap_or_default();
            prop_assert_eq!(open_state(&s, Some(tz), now), OpenState::Open);
        }

        #[test]
        fn open_iff_local_clock_inside(secs in 0i64..4_000_000_000, o in 0u32..1439, len in 1u32..600) {
            let c = (o + len).min(1440);
            let fmt = |m: u32| if m == 1440 { "24:00".to_string() } else { format!("{:02}:{:02}", m / 60, m % 60) };
            let s = [sched("MO,TU,WE,TH,FR,SA,SU", &fmt(o), &fmt(c))];
            let now = DateTime::from_timestamp(secs, 0).unwrap_or_default();
            let local = chrono_tz::Europe::Berlin.from_utc_datetime(&now.naive_utc());
            let m = local.hour() * 60 + local.minute();
            let expect = if m >= o && m < c { OpenState::Open } else { OpenState::Closed };
            prop_assert_eq!(open_state(&s, Some("Europe/Berlin"), now), expect);
        }

        #[test]
        fn clock_parse_never_panics(s in "\\PC{0,10}") {
            let _ = parse_clock(&s);
        }
    }
}
