//! Views as URL fragments (`#/w/<id>/assess/security`).
//!
//! A sales team hosts the built site on a static CDN under any path, with no rewrite rules, and
//! a reload must keep the user on the same view. leptos_router 0.8 routes on the path name,
//! which needs the server to answer every deep path with `index.html`; routing on the fragment
//! needs nothing from the server. The routes are few and flat, so a parser and a `hashchange`
//! listener replace the router (and its bytes). The workload is part of the route so that two
//! tabs can work on different workloads and each reloads onto its own.

/// A view of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// What Preflight is; start or continue.
    Start,
    /// The list of workloads.
    Workloads,
    /// The consultant's workspace of imported bundles.
    Workspace,
    /// A workload's profile.
    Profile(String),
    /// A workload's questions of one pillar: the workload, the lens (absent: the first lens in
    /// hand with that pillar, the Well-Architected lens first) and the pillar.
    Pillar(String, Option<String>, String),
    /// A workload's results (the dashboard).
    Results(String),
    /// A workload's improvement plan.
    Plan(String),
    /// A workload's milestones and comparisons.
    Milestones(String),
    /// A workload's printable report.
    Report(String),
    /// The service catalogue and the workload's choice.
    Services(String),
    /// The engagement schedule.
    Schedule(String),
    /// The printable proposal: services, reasons, scope, schedule and quote.
    Proposal(String),
}

impl Route {
    /// The questions of a pillar of a lens. A lens other than the Well-Architected one is named
    /// in the route: its pillar ids may be the framework's own (`security`), as AWS allows.
    pub fn pillar(workload_id: &str, lens_id: &str, pillar_id: &str) -> Route {
        let lens =
            (lens_id != crate::domain::builtin::WELL_ARCHITECTED_ID).then(|| lens_id.to_owned());
        Route::Pillar(workload_id.to_owned(), lens, pillar_id.to_owned())
    }

    /// Parses a location fragment (with or without its `#`). Anything unknown is the start page.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let ok = |s: &str| {
            !s.is_empty()
                && s.len() <= 64
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        match parts.as_slice() {
            ["workloads"] => Route::Workloads,
            ["workspace"] => Route::Workspace,
            ["w", id, "profile"] if ok(id) => Route::Profile((*id).to_owned()),
            ["w", id, "assess", pillar] if ok(id) && ok(pillar) => {
                Route::Pillar((*id).to_owned(), None, (*pillar).to_owned())
            }
            ["w", id, "assess", lens, pillar] if ok(id) && ok(lens) && ok(pillar) => Route::Pillar(
                (*id).to_owned(),
                Some((*lens).to_owned()),
                (*pillar).to_owned(),
            ),
            ["w", id, "results"] if ok(id) => Route::Results((*id).to_owned()),
            ["w", id, "plan"] if ok(id) => Route::Plan((*id).to_owned()),
            ["w", id, "milestones"] if ok(id) => Route::Milestones((*id).to_owned()),
            ["w", id, "report"] if ok(id) => Route::Report((*id).to_owned()),
            ["w", id, "services"] if ok(id) => Route::Services((*id).to_owned()),
            ["w", id, "schedule"] if ok(id) => Route::Schedule((*id).to_owned()),
            ["w", id, "proposal"] if ok(id) => Route::Proposal((*id).to_owned()),
            _ => Route::Start,
        }
    }

    /// The fragment for this view, with its `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".to_owned(),
            Route::Workloads => "#/workloads".to_owned(),
            Route::Workspace => "#/workspace".to_owned(),
            Route::Profile(id) => format!("#/w/{id}/profile"),
            Route::Pillar(id, None, pillar) => format!("#/w/{id}/assess/{pillar}"),
            Route::Pillar(id, Some(lens), pillar) => format!("#/w/{id}/assess/{lens}/{pillar}"),
            Route::Results(id) => format!("#/w/{id}/results"),
            Route::Plan(id) => format!("#/w/{id}/plan"),
            Route::Milestones(id) => format!("#/w/{id}/milestones"),
            Route::Report(id) => format!("#/w/{id}/report"),
            Route::Services(id) => format!("#/w/{id}/services"),
            Route::Schedule(id) => format!("#/w/{id}/schedule"),
            Route::Proposal(id) => format!("#/w/{id}/proposal"),
        }
    }

    /// The workload this view belongs to.
    pub fn workload(&self) -> Option<&str> {
        match self {
            Route::Profile(id)
            | Route::Pillar(id, ..)
            | Route::Results(id)
            | Route::Plan(id)
            | Route::Milestones(id)
            | Route::Report(id)
            | Route::Services(id)
            | Route::Schedule(id)
            | Route::Proposal(id) => Some(id),
            Route::Start | Route::Workloads | Route::Workspace => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips() {
        for route in [
            Route::Start,
            Route::Workloads,
            Route::Workspace,
            Route::Profile("w-1".into()),
            Route::Pillar("w-1".into(), None, "security".into()),
            Route::Pillar(
                "w-1".into(),
                Some("company_policy_abc".into()),
                "security".into(),
            ),
            Route::pillar("w-1", "well_architected", "security"),
            Route::Results("w-1".into()),
            Route::Plan("w-1".into()),
            Route::Milestones("w-1".into()),
            Route::Report("w-1".into()),
            Route::Services("w-1".into()),
            Route::Schedule("w-1".into()),
            Route::Proposal("w-1".into()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn junk_goes_to_the_start() {
        for junk in [
            "",
            "#",
            "#/nope",
            "#/w/",
            "#/w/a b/profile",
            "#/w/<x>/results",
            "#/w/1/assess",
        ] {
            assert_eq!(Route::parse(junk), Route::Start, "{junk}");
        }
    }
}
