//! The app's reactive state and the one place it meets storage.
//!
//! State starts from the stored settings alone ([`AppState::load`]); the rest of storage is read
//! when first needed ([`AppState::restore`], a split module of its own, so that a new visitor's
//! first screen carries none of the record decoders), mutated only through the methods here,
//! and written back by one effect through the domain's [`Saved`], which writes only what
//! changed and applies other tabs' writes without echo (`crate::domain::saving`, tested there).
//! Storage failures end up in [`AppState::health`], which the notices area shows; work stays in
//! memory whatever storage does.

use crate::domain::asof::{AsOf, Origin, as_of};
use crate::domain::assessment::{Answer, Answers};
use crate::domain::calendar::{Calendar, CountError, Date};
use crate::domain::catalogue::Selection;
use crate::domain::config::{Brand, Config, Contact};
use crate::domain::imports::{ImportedBundle, Refused, is_imported_id};
use crate::domain::lens::Question;
use crate::domain::milestone::Milestone;
use crate::domain::plan::Rate;
use crate::domain::quote::{PriceList, Quote, quote};
use crate::domain::saving::{self, Opened, Quarantined, Remote, Saved};
use crate::domain::schedule::{self, Rules, Schedule};
use crate::domain::storage::{self, KeyValueStore, LoadNotice, Peeked, Settings, StoreError};
use crate::domain::text::Lang;
use crate::domain::validate::Issue;
use crate::domain::workload::Workload;
use crate::i18n::{Msg, display_name};
use crate::ui::catalogue::CatalogueLoader;
use crate::ui::clock::{self, new_id, now_iso};
use crate::ui::lenses::Lenses;
use crate::ui::route::Route;
use crate::ui::store::BrowserStore;
use leptos::prelude::*;

/// Whether storage is keeping up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Health {
    /// Every change is saved.
    Saving,
    /// Storage could not be opened at all.
    Unavailable(String),
    /// The last write failed: quota used up.
    Full,
    /// The last write failed otherwise.
    Failed(String),
}

/// A message for the notices area.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// From loading.
    Load(LoadNotice),
    /// The route named a workload this browser does not have.
    WorkloadMissing,
    /// Another tab deleted the workload being viewed.
    DeletedElsewhere,
    /// A workload was deleted here (with its name).
    Deleted(String),
    /// The runtime config has problems; defaults are used for those settings.
    Config(Vec<Issue>),
}

thread_local! {
    /// The root component's owner, for the effects the restore starts.
    static OWNER: std::cell::RefCell<Option<Owner>> = const { std::cell::RefCell::new(None) };
    /// The stored imports' records until [`AppState::restore_imports`] has read them.
    static PENDING_IMPORTS: std::cell::RefCell<Vec<crate::domain::storage::ImportRecord>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Everything the views share, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The interface language.
    pub lang: RwSignal<Lang>,
    /// The current view.
    pub route: RwSignal<Route>,
    /// The workloads, oldest first.
    pub workloads: RwSignal<Vec<Workload>>,
    /// Storage health.
    pub health: RwSignal<Health>,
    /// Notices to show until dismissed.
    pub notices: RwSignal<Vec<Notice>>,
    /// Keys of records set aside because they could not be read, with the reason when known.
    pub quarantined: RwSignal<Vec<Quarantined>>,
    /// The last workload worked on (for "Continue").
    pub last_workload: RwSignal<Option<String>>,
    /// The lenses in hand.
    pub lenses: Lenses,
    /// The day rate for costing the plan; `None` prices the plan in man-days only.
    pub rate: RwSignal<Option<Rate>>,
    /// The sales team's price list for the quote (runtime config).
    pricing: StoredValue<Option<PriceList>>,
    /// The service catalogue.
    pub catalogue: CatalogueLoader,
    /// The config, for the provider's working-day calendar (see [`AppState::calendar`]).
    calendar_config: StoredValue<Config>,
    /// The provider's working-day calendar, once a page has needed it.
    calendar: StoredValue<Option<std::sync::Arc<Calendar>>>,
    /// Scheduling rules.
    pub rules: RwSignal<Rules>,
    /// Bundles the consultant imported (read-only).
    pub imported: RwSignal<Vec<ImportedBundle>>,
    /// Whether the stored imports are restored ([`AppState::restore_imports`]): until then
    /// `imported` lacks them.
    pub imports_ready: RwSignal<bool>,
    /// Files refused on import this session, with their problems.
    pub refused: RwSignal<Vec<Refused>>,
    /// An import under way: files done, files in all.
    pub importing: RwSignal<Option<(usize, usize)>>,
    /// A new release of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// The sales team's brand (runtime config).
    pub brand: StoredValue<Brand>,
    /// Whom the customer contacts (runtime config).
    pub contact: StoredValue<Contact>,
    /// What storage holds, as last written or read.
    saved: StoredValue<Saved>,
    /// Whether storage has been read ([`AppState::restore`]): until then `workloads`,
    /// `quarantined` and the stored lenses and imports are not in hand, and nothing is saved.
    pub restored: RwSignal<bool>,
    /// Whether storage held more than the settings at start-up.
    holds_more: bool,
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Starts the app's state from the settings alone ([`storage::peek`]): the language and
    /// the last workload, and whether storage holds anything else. Call once, inside the root
    /// component.
    ///
    /// Everything else in storage is read by [`AppState::restore`], whose code (the record
    /// decoders, saving and the cross-tab sync) is a split module of its own: a new visitor's
    /// first screen neither reads nor fetches it. The root component restores at once when
    /// [`AppState::holds_more`] says storage holds records; every page waits for the restore,
    /// and so does anything that changes what is stored (starting a workload, choosing a
    /// language, another tab's write).
    pub fn load(config: &Config, config_issues: Vec<Issue>) -> AppState {
        let mut notices = Vec::new();
        if !config_issues.is_empty() {
            notices.push(Notice::Config(config_issues));
        }
        let (peeked, health) = match BrowserStore::open() {
            Ok(store) => (storage::peek(&store), Health::Saving),
            // The restore says so too; it is shown at once.
            Err(e) => (Peeked::default(), Health::Unavailable(e.to_string())),
        };
        // The user's own choice, else the sales team's default, else the browser's preference.
        let lang = peeked
            .settings
            .language
            .or(config.default_language)
            .unwrap_or_else(browser_language);
        let state = AppState {
            lang: RwSignal::new(lang),
            route: RwSignal::new(Route::parse(&location_hash().unwrap_or_default())),
            workloads: RwSignal::new(Vec::new()),
            health: RwSignal::new(health),
            notices: RwSignal::new(notices),
            quarantined: RwSignal::new(Vec::new()),
            last_workload: RwSignal::new(peeked.settings.active_workload),
            lenses: Lenses::new(&config.lenses),
            rate: RwSignal::new(config.rate().cloned()),
            pricing: StoredValue::new(config.pricing.clone()),
            catalogue: CatalogueLoader::default(),
            calendar_config: StoredValue::new(config.clone()),
            calendar: StoredValue::new(None),
            rules: RwSignal::new(config.rules.clone()),
            imported: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            imports_ready: RwSignal::new(false),
            importing: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            brand: StoredValue::new(config.brand.clone()),
            contact: StoredValue::new(config.contact.clone()),
            saved: StoredValue::new(Saved::default()),
            restored: RwSignal::new(false),
            holds_more: peeked.holds_more,
        };
        // The effects the restore starts belong to the app, not to whatever task restores.
        OWNER.with(|o| *o.borrow_mut() = Owner::current());
        // Follow the URL fragment.
        let _ = window_event_listener(leptos::ev::hashchange, move |_| {
            state
                .route
                .set(Route::parse(&location_hash().unwrap_or_default()));
        });
        // Another tab wrote: read everything (the write included), then follow its writes.
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if !state.restored.get_untracked()
                && ev.key().is_some_and(|k| k.starts_with(storage::PREFIX))
            {
                state.restore_soon();
            }
        });
        state
    }

    /// Reads everything in storage into the state, once (every later call returns at once):
    /// fetches the restore's code in a split build. If it cannot be fetched, nothing is read or
    /// written and the caller says so; the next call tries again.
    pub async fn restore(self) -> Result<(), crate::ui::pages::PageFailed> {
        if self.restored.get_untracked() {
            return Ok(());
        }
        crate::ui::pages::restore_state(self).await
    }

    /// Starts [`AppState::restore`] without waiting for it (whoever needs it awaits it again;
    /// a failure is reported there).
    pub fn restore_soon(self) {
        leptos::task::spawn_local(async move {
            let _ = self.restore().await;
        });
    }

    /// The restore itself, run by the split point [`crate::ui::pages::restore_state`]: loads
    /// from storage (moving unreadable records aside, [`saving::open`]), then starts the save
    /// effects and the cross-tab sync. The language the user has meanwhile is kept.
    pub fn restore_now(self) {
        if self.restored.get_untracked() {
            return;
        }
        let (opened, health) = match BrowserStore::open().and_then(|mut s| saving::open(&mut s)) {
            Ok(opened) => (opened, Health::Saving),
            Err(e) => (Opened::empty(), Health::Unavailable(e.to_string())),
        };
        self.set_health(health);
        if !opened.notices.is_empty() {
            self.notices
                .update(|n| n.extend(opened.notices.into_iter().map(Notice::Load)));
        }
        self.quarantined.set(opened.quarantined);
        self.saved.set_value(opened.saved);
        // A workload made before the restore ("Start" does not wait for it) is kept, and
        // saved by the save effect started below.
        let mut workloads = opened.workloads;
        self.workloads.update(move |ws| {
            for w in std::mem::take(ws) {
                if !workloads.iter().any(|x| x.id == w.id) {
                    workloads.push(w);
                }
            }
            *ws = workloads;
        });
        if self.last_workload.get_untracked().is_none() && opened.settings.active_workload.is_some()
        {
            self.last_workload.set(opened.settings.active_workload);
        }
        for l in opened.lenses {
            self.lenses.take_in(l.id, l.file, true);
        }
        self.imports_ready.set(opened.import_records.is_empty());
        PENDING_IMPORTS.with(|p| *p.borrow_mut() = opened.import_records);
        self.restored.set(true);
        match OWNER.with(|o| o.borrow().clone()) {
            Some(owner) => owner.with(|| self.start_effects()),
            None => self.start_effects(),
        }
    }

    /// Saves a language chosen before storage has been read, at once, so that a reload right
    /// after the choice keeps it (the restore's save effect would save it only once the
    /// restore's code is in hand). Only where storage held nothing but readable settings at
    /// start-up: otherwise the settings record may be one this release must not overwrite
    /// (newer, or unreadable and about to be set aside), and the restore, already started at
    /// mount, saves it.
    pub fn save_language_early(self) {
        if self.restored.get_untracked() || self.holds_more {
            return;
        }
        if let Ok(mut store) = BrowserStore::open() {
            // A failure shows through the restore's saving, as for any settings write.
            let _ = storage::save_settings(&mut store, &untrack(|| self.settings()));
        }
    }

    /// Whether storage held more than the settings when the app started
    /// ([`storage::Peeked::holds_more`]): the root component then restores at once.
    pub fn holds_more(self) -> bool {
        self.holds_more
    }

    /// The settings to store (tracks the language and the last workload).
    fn settings(self) -> Settings {
        Settings {
            language: Some(self.lang.get()),
            active_workload: self.last_workload.get(),
        }
    }

    fn start_effects(self) {
        // Persist workloads: write what changed, delete what is gone.
        Effect::new(move |_| self.workloads.with(|ws| self.persist(ws)));
        // Persist settings.
        Effect::new(move |_| self.persist_settings(&self.settings()));
        // Fetch the optional lenses that workloads use.
        Effect::new(move |_| {
            let mut wanted: Vec<String> = self
                .workloads
                .with(|ws| ws.iter().flat_map(|w| w.lenses.iter().cloned()).collect());
            self.imported.with(|xs| {
                // The lenses bundles carry first, so that a bundle opens without the file.
                for l in xs.iter().flat_map(|x| x.bundle.lenses.iter()) {
                    if let Some(e) = &l.embedded {
                        match &e.lens {
                            // Just imported: read already.
                            Some(lens) => self.lenses.adopt(lens, &l.sha256),
                            // Restored from storage: read with the page code.
                            None => self.lenses.take_in(l.id.clone(), e.file.clone(), false),
                        }
                    }
                }
                wanted.extend(
                    xs.iter()
                        .flat_map(|x| x.bundle.workload.lenses.iter().cloned()),
                );
            });
            for id in wanted {
                self.lenses.ensure(&id);
            }
        });
        // Remember the last workload viewed (the user's own, not an imported bundle).
        Effect::new(move |_| {
            if let Some(id) = self.route.with(|r| {
                r.workload()
                    .filter(|id| !is_imported_id(id))
                    .map(str::to_owned)
            }) && self.last_workload.get_untracked().as_deref() != Some(&id)
            {
                self.last_workload.set(Some(id));
            }
        });
        // Apply what other tabs write.
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if let Some(key) = ev.key() {
                self.apply_remote(&key, ev.new_value());
            }
        });
    }

    fn set_health(self, health: Health) {
        if self.health.get_untracked() != health {
            self.health.set(health);
        }
    }

    /// Saves what changed; storage's answer becomes [`AppState::health`].
    fn persist(self, workloads: &[Workload]) {
        let result = BrowserStore::open().and_then(|mut store| {
            self.saved
                .try_update_value(|saved| saved.save_workloads(&mut store, workloads))
                .unwrap_or(Ok(()))
        });
        self.set_health(match result {
            Ok(()) => Health::Saving,
            Err(StoreError::Full) => Health::Full,
            Err(StoreError::Unavailable(m)) => Health::Unavailable(m),
            Err(StoreError::Failed(m)) => Health::Failed(m),
        });
    }

    /// Saves the settings when they changed. A failure is not reported: the settings are only a
    /// preference, the next change tries again, and a full or missing storage already shows
    /// through the workloads' saving.
    fn persist_settings(self, settings: &Settings) {
        if let Ok(mut store) = BrowserStore::open() {
            self.saved
                .update_value(|saved| drop(saved.save_settings(&mut store, settings)));
        }
    }

    /// Applies a change another tab made to storage.
    fn apply_remote(self, key: &str, value: Option<String>) {
        let remote = self
            .saved
            .try_update_value(|saved| saved.apply_remote(key, value.as_deref()))
            .unwrap_or(Remote::Nothing);
        match remote {
            Remote::Nothing => {}
            Remote::Deleted(id) => {
                if self
                    .workloads
                    .with_untracked(|ws| ws.iter().any(|w| w.id == id))
                {
                    self.workloads.update(|ws| ws.retain(|w| w.id != id));
                    if self.route.with_untracked(|r| r.workload() == Some(&id)) {
                        self.notices.update(|n| n.push(Notice::DeletedElsewhere));
                        navigate(&Route::Workloads);
                    }
                }
            }
            Remote::Written(w) => {
                self.workloads
                    .update(|ws| match ws.iter_mut().find(|x| x.id == w.id) {
                        Some(slot) => *slot = *w,
                        None => ws.push(*w),
                    })
            }
            Remote::Settings(settings) => {
                if let Some(lang) = settings.language
                    && lang != self.lang.get_untracked()
                {
                    self.lang.set(lang);
                }
            }
            Remote::QuarantineAdded(key) => self.quarantined.update(|q| {
                q.retain(|x| x.key != key);
                q.push(Quarantined { key, reason: None });
            }),
            Remote::QuarantineRemoved(key) => {
                self.quarantined.update(|q| q.retain(|x| x.key != key))
            }
            Remote::Lens(l) => self.lenses.take_in(l.id, l.file, true),
        }
    }

    /// A text in the current language (reactive when called inside a closure).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// The product's name: the sales team's brand, or "Preflight".
    pub fn app_name(self, lang: Lang) -> String {
        self.brand.with_value(|b| {
            b.name.as_ref().map_or_else(
                || Msg::AppName.text(lang).to_owned(),
                |n| n.get(lang).to_owned(),
            )
        })
    }

    /// A view of a message that follows the language.
    ///
    /// Every call returns the same closure type, so the renderer is compiled once for all the
    /// app's translated texts rather than once per call site (a closure written in place is a
    /// new type each time, and Leptos's view code is generic over it: ~60 KB of wasm measured).
    pub fn tr(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || msg.text(lang.get())
    }

    /// The workload's display name in the current language.
    pub fn name_of(self, w: &Workload) -> String {
        display_name(w, self.lang.get())
    }

    /// Reads a workload, or an imported bundle's (reactive).
    pub fn with_workload<T>(self, workload_id: &str, f: impl FnOnce(&Workload) -> T) -> Option<T> {
        if is_imported_id(workload_id) {
            return self.imported.with(|xs| {
                xs.iter()
                    .find(|x| x.id == workload_id)
                    .map(|x| f(&x.bundle.workload))
            });
        }
        self.workloads
            .with(|ws| ws.iter().find(|w| w.id == workload_id).map(f))
    }

    /// A workload's service selection, recomputed only when it changes, for the many controls
    /// that read it (instead of each cloning it).
    pub fn selection(self, workload_id: &str) -> Signal<Selection> {
        let id = workload_id.to_owned();
        Signal::derive(move || {
            self.with_workload(&id, |w| w.services.clone())
                .unwrap_or_default()
        })
    }

    /// The date a workload's dates are shown as of: today for the user's own, the export day
    /// for an imported bundle (the domain's rule, [`crate::domain::asof`]). Every view and file
    /// that shows a date depending on the day gets it here, never from the clock.
    pub fn as_of(self, workload_id: &str) -> AsOf {
        let exported_at = is_imported_id(workload_id)
            .then(|| {
                self.imported.with_untracked(|xs| {
                    xs.iter()
                        .find(|x| x.id == workload_id)
                        .map(|x| x.bundle.exported_at.clone())
                })
            })
            .flatten();
        let origin = match &exported_at {
            Some(exported_at) => Origin::Imported { exported_at },
            None => Origin::Own,
        };
        as_of(origin, clock::now_millis())
    }

    /// The price list a workload is quoted with: the sales team's for the user's own, the one
    /// an imported bundle carries for it (so the consultant sees the customer's quote).
    pub fn price_list(self, workload_id: &str) -> Option<PriceList> {
        if is_imported_id(workload_id) {
            self.imported.with_untracked(|xs| {
                xs.iter()
                    .find(|x| x.id == workload_id)
                    .and_then(|x| x.bundle.pricing.clone())
            })
        } else {
            self.pricing.get_value()
        }
    }

    /// The day rate a workload's plan is costed with: the sales team's for the user's own, the
    /// one its bundle carries for an imported one, as [`AppState::price_list`] (so the
    /// consultant sees the customer's costs, and a bundle without rates stays in man-days).
    /// Tracks the sales team's rate.
    pub fn rate_of(self, workload_id: &str) -> Option<Rate> {
        if is_imported_id(workload_id) {
            self.price_list(workload_id).map(|p| p.rate)
        } else {
            self.rate.get()
        }
    }

    /// The quote of a workload's selection as of [`AppState::as_of`] (`None` when the workload
    /// is unknown). Tracks the selection and rules.
    pub fn quote(self, workload_id: &str) -> Option<Quote> {
        let selection = self.with_workload(workload_id, |w| w.services.clone())?;
        let prices = self.price_list(workload_id);
        let day = self.as_of(workload_id).date();
        Some(
            self.rules
                .with(|rules| quote(&selection, prices.as_ref(), rules, day)),
        )
    }

    /// The schedule of a workload's service selection as of [`AppState::as_of`] (`None` when
    /// nothing is chosen or the workload is unknown). Tracks the selection and rules.
    pub fn schedule(self, workload_id: &str) -> Option<Result<Schedule, CountError>> {
        let selection = self.with_workload(workload_id, |w| w.services.clone())?;
        let when = self.as_of(workload_id);
        let cal = self.calendar();
        self.rules
            .with(|rules| schedule::of_selection(&cal, rules, &selection, when))
    }

    /// The provider's working-day calendar: the built-in one with the config's official years
    /// and closures. Computed the first time a page needs it, so that its data (20 KB) and
    /// parser come with the page code rather than the start page's.
    pub fn calendar(self) -> std::sync::Arc<Calendar> {
        if let Some(cal) = self.calendar.get_value() {
            return cal;
        }
        let cal = std::sync::Arc::new(
            self.calendar_config
                .with_value(|config| config.calendar(&Calendar::cn_mainland())),
        );
        self.calendar.set_value(Some(cal.clone()));
        cal
    }

    /// Restores the stored imports the first time a page needs them (every caller waits for the
    /// one restore); at once when there are none, or they are restored. If their code cannot be
    /// fetched, they stay in storage, the page says it could not be opened, and its retry tries
    /// again.
    pub async fn restore_imports(self) -> Result<(), crate::ui::pages::PageFailed> {
        if self.imports_ready.get_untracked() {
            return Ok(());
        }
        let records = PENDING_IMPORTS.with(|p| p.borrow().clone());
        let (ok, refused) = crate::ui::pages::restore_imports(records).await?;
        // Another page may have restored them meanwhile.
        if !self.imports_ready.get_untracked() {
            PENDING_IMPORTS.with(|p| p.borrow_mut().clear());
            self.imported
                .update(|list| list.splice(0..0, ok).for_each(drop));
            self.refused
                .update(|list| list.splice(0..0, refused).for_each(drop));
            self.imports_ready.set(true);
        }
        Ok(())
    }

    /// Whether the sales team lets customers download their own Word reports (`config.json`'s
    /// `customer_reports`).
    pub fn customer_reports(self) -> bool {
        self.calendar_config.with_value(|c| c.customer_reports)
    }

    /// Whether an id names an imported bundle, which every view shows read-only.
    pub fn is_read_only(self, workload_id: &str) -> bool {
        is_imported_id(workload_id)
    }

    /// The answer to one question of a lens, if any.
    pub fn answer(self, workload_id: &str, lens_id: &str, question: &Question) -> Option<Answer> {
        self.with_workload(workload_id, |w| {
            w.answers(lens_id)
                .and_then(|a| a.get(&question.id))
                .cloned()
        })
        .flatten()
    }

    /// A workload's answers to a lens (empty when none).
    pub fn answers(self, workload_id: &str, lens_id: &str) -> Option<Answers> {
        self.with_workload(workload_id, |w| {
            w.answers(lens_id).cloned().unwrap_or_default()
        })
    }

    /// A workload's ranking of a lens's pillars (as stored; may be empty).
    pub fn ranking(self, workload_id: &str, lens_id: &str) -> Vec<String> {
        self.with_workload(workload_id, |w| w.priorities.get(lens_id).cloned())
            .flatten()
            .unwrap_or_default()
    }

    /// The lenses of a workload that are in hand: the Well-Architected lens, then its chosen
    /// optional lenses that have loaded (reactive).
    pub fn workload_lenses(self, workload_id: &str) -> Vec<&'static crate::domain::lens::Lens> {
        let chosen = self
            .with_workload(workload_id, |w| w.lenses.clone())
            .unwrap_or_default();
        let mut out = vec![crate::domain::builtin::well_architected()];
        out.extend(chosen.iter().filter_map(|id| self.lenses.get(id)));
        out
    }

    /// Whether the workload exists.
    pub fn has_workload(self, workload_id: &str) -> bool {
        if is_imported_id(workload_id) {
            self.imported
                .with(|xs| xs.iter().any(|x| x.id == workload_id))
        } else {
            self.workloads
                .with(|ws| ws.iter().any(|w| w.id == workload_id))
        }
    }

    /// Changes a workload and stamps it as updated.
    pub fn update_workload(self, workload_id: &str, f: impl FnOnce(&mut Workload)) {
        let now = now_iso();
        self.workloads.update(|ws| {
            if let Some(w) = ws.iter_mut().find(|w| w.id == workload_id) {
                f(w);
                w.updated_at = now;
            }
        });
    }

    /// Changes one answer.
    pub fn edit_answer(
        self,
        workload_id: &str,
        lens_id: &str,
        question: &Question,
        edit: impl FnOnce(&mut Answer),
    ) {
        self.update_workload(workload_id, |w| w.edit_answer(lens_id, question, edit));
    }

    /// Turns an optional lens on or off for a workload (its answers are kept either way).
    pub fn set_lens(self, workload_id: &str, lens_id: &str, on: bool) {
        self.update_workload(workload_id, |w| {
            w.lenses.retain(|l| l != lens_id);
            if on {
                w.lenses.push(lens_id.to_owned());
            }
        });
        if on {
            self.lenses.ensure(lens_id);
        }
    }

    /// Stores a ranking of a lens's pillars.
    pub fn set_ranking(self, workload_id: &str, lens_id: &str, ids: Vec<String>) {
        self.update_workload(workload_id, |w| {
            w.priorities.insert(lens_id.to_owned(), ids);
        });
    }

    /// Freezes the current answers as a milestone; returns its id.
    pub fn add_milestone(self, workload_id: &str, name: &str, date: Date) -> String {
        let id = new_id().replacen("w-", "m-", 1);
        let now = now_iso();
        let mid = id.clone();
        self.update_workload(workload_id, |w| {
            w.milestones.push(Milestone {
                id: mid,
                name: name
                    .chars()
                    .take(crate::domain::milestone::MAX_MILESTONE_NAME)
                    .collect(),
                date,
                created_at: now,
                answers: w.answers.clone(),
            });
        });
        id
    }

    /// Changes the workload's service selection.
    pub fn update_services(self, workload_id: &str, f: impl FnOnce(&mut Selection)) {
        self.update_workload(workload_id, |w| f(&mut w.services));
    }

    /// Deletes a milestone.
    pub fn delete_milestone(self, workload_id: &str, milestone_id: &str) {
        self.update_workload(workload_id, |w| {
            w.milestones.retain(|m| m.id != milestone_id)
        });
    }

    /// Creates an empty workload and returns its id.
    pub fn create_workload(self) -> String {
        let id = new_id();
        let w = Workload::new(&id, &now_iso());
        self.workloads.update(|ws| ws.push(w));
        id
    }

    /// Copies a workload under a new id and returns it.
    pub fn duplicate_workload(self, workload_id: &str) -> Option<String> {
        let lang = self.lang.get_untracked();
        let id = new_id();
        let copy = self.workloads.with_untracked(|ws| {
            ws.iter().find(|w| w.id == workload_id).map(|w| {
                let name = Msg::CopySuffix.fill(lang, &[("name", &display_name(w, lang))]);
                w.duplicate(&id, &name, &now_iso())
            })
        })?;
        self.workloads.update(|ws| ws.push(copy));
        Some(id)
    }

    /// Deletes a workload.
    pub fn delete_workload(self, workload_id: &str) {
        let lang = self.lang.get_untracked();
        let name = self.workloads.with_untracked(|ws| {
            ws.iter()
                .find(|w| w.id == workload_id)
                .map(|w| display_name(w, lang))
        });
        self.workloads
            .update(|ws| ws.retain(|w| w.id != workload_id));
        if let Some(name) = name {
            self.notices.update(|n| n.push(Notice::Deleted(name)));
        }
        if self.last_workload.get_untracked().as_deref() == Some(workload_id) {
            self.last_workload.set(None);
        }
    }

    /// The raw text of a quarantined record (read when the user asks for it).
    pub fn quarantined_text(self, key: &str) -> Option<String> {
        BrowserStore::open().ok()?.get(key).ok().flatten()
    }

    /// Deletes a quarantined record for good.
    pub fn discard_quarantined(self, key: &str) {
        if let Ok(mut store) = BrowserStore::open() {
            let _ = store.remove(key);
        }
        self.quarantined.update(|q| q.retain(|x| x.key != key));
    }

    /// Every workload as one JSON document (the "Download a copy" file).
    pub fn backup_json(self) -> String {
        self.workloads
            .with_untracked(|ws| crate::domain::bundle::backup(ws, &now_iso()))
    }
}

/// Goes to a view (adds a history entry, so Back works).
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

/// English unless the browser prefers Chinese.
fn browser_language() -> Lang {
    let nav = window().navigator();
    let preferred = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .find_map(|tag| Lang::from_tag(&tag));
    preferred.unwrap_or(Lang::En)
}
