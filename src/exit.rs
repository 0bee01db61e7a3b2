//! Named exit codes, so scripts and CI can tell outcomes apart.

/// No finding at or above the failing severity.
pub const OK: i32 = 0;
/// At least one conflict (error severity), or a warning with `--deny warnings`;
/// for `rules test`, at least one failing example.
pub const FINDINGS: i32 = 1;
/// Bad usage or bad input: nothing was checked.
pub const USAGE: i32 = 2;
