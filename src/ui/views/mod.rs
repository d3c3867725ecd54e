//! The views, one module each, and the shell around them.

pub mod milestones;
pub mod plan;
pub mod profile;
pub mod questionnaire;
pub mod report;
pub mod results;
pub mod schedule;
pub mod services;
pub mod shell;
pub mod start;
pub mod workloads;
pub mod workspace;
