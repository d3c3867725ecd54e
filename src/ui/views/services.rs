//! The service catalogue and the workload's choice: what to buy, what it includes and excludes,
//! what must be ready before the start, who does what, what is delivered and accepted.

use crate::domain::assessment::Answers;
use crate::domain::builtin::MANAGED_SERVICES;
use crate::domain::builtin::well_architected;
use crate::domain::catalogue::{
    CONSULTING, Catalogue, Caution, IMPLEMENTATION, MANAGED, MAX_CONSULTANTS, MAX_PACKAGE_DAYS,
    ManDays, Offering, Selection, cautions, recommended_pillars, suggest, suggest_modules,
};
use crate::domain::quote::Amount;
use crate::domain::rules::{Rules, rule_text};
use crate::domain::text::{Lang, Text};
use crate::i18n::Msg;
use crate::ui::catalogue::catalogue_view;
use crate::ui::format::days;
use crate::ui::route::Route;
use crate::ui::state::{AppState, use_app};
use crate::ui::table::{Col, head};
use leptos::prelude::*;

/// The services page.
#[component]
pub fn ServicesPage(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let body = catalogue_view(app.catalogue, lang, move |cat| {
        view! { <Catalog workload_id=wid.get_value() cat/> }.into_any()
    });
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::ServicesTitle.text(lang)}</h1>
            <p class="muted">{Msg::ServicesIntro.text(lang)}</p>
        </section>
        {body}
    }
}

fn t(text: &'static Text, lang: Lang) -> &'static str {
    text.get(lang)
}

/// What every part of the catalogue needs: where it is and what is chosen.
#[derive(Clone, Copy)]
struct Ctx {
    app: AppState,
    lang: Lang,
    wid: StoredValue<String>,
    cat: &'static Catalogue,
    /// The workload's selection, computed once per change and read by every control.
    selection: Signal<Selection>,
}

impl Ctx {
    /// The workload's answers to the Well-Architected lens (reactive).
    fn answers(self) -> Answers {
        self.app
            .answers(&self.wid.get_value(), &well_architected().id)
            .unwrap_or_default()
    }

    /// The workload's ranking of its pillars (reactive).
    fn ranking(self) -> Vec<String> {
        self.app
            .ranking(&self.wid.get_value(), &well_architected().id)
    }
}

/// The catalogue with the workload's choices.
#[component]
fn Catalog(workload_id: String, cat: &'static Catalogue) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let selection = app.selection(&wid.get_value());
    let cx = Ctx {
        app,
        lang,
        wid,
        cat,
        selection,
    };
    // A disabled fieldset disables every control inside it: an imported bundle is shown only.
    let ro = app.is_read_only(&wid.get_value());
    view! {
        <fieldset class="plain" disabled=ro>
            <legend class="visually-hidden">{Msg::ServicesTitle.text(lang)}</legend>
            {suggestions(cx)}
            {consulting_card(cx)}
            {implementation_card(cx)}
            {managed_card(cx)}
        </fieldset>
        <section class="card" aria-labelledby="status-title">
            <h2 id="status-title">{Msg::ChoiceStatus.text(lang)}</h2>
            <div role="status">{choice_status(cx)}</div>
            <div class="actions">
                <a class="button" href=Route::Schedule(wid.get_value()).href() data-testid="to-schedule">{Msg::SeeSchedule.text(lang)}</a>
                <a class="button secondary" href=Route::Proposal(wid.get_value()).href() data-testid="to-proposal">{Msg::SeeProposal.text(lang)}</a>
            </div>
        </section>
        {quote_card(cx)}
    }
}

/// What the answers suggest choosing, each with a button to add it.
fn suggestions(cx: Ctx) -> impl IntoView {
    let (app, lang, wid, cat) = (cx.app, cx.lang, cx.wid, cx.cat);
    let sel = move || cx.selection.get();
    let lens = well_architected();
    let answers = move || cx.answers();
    let ranking = move || cx.ranking();
    move || {
        let s = suggest(lens, &answers(), &ranking());
        let current = sel();
        let consulting = s.consulting.then(|| {
            let reason = if s.unanswered > 0 {
                Msg::SuggestConsultingOpen.fill(lang, &[("n", &s.unanswered.to_string())])
            } else {
                Msg::SuggestConsultingRisks.text(lang).to_owned()
            };
            view! {
                <li>
                    <strong>{t(cat.offering(CONSULTING).map(|o| &o.name).unwrap_or(&lens.name), lang).to_owned()}</strong>
                    " — "{reason}" "
                    {(!current.consulting).then(|| view! {
                        <button type="button" class="button secondary small" data-testid="add-consulting"
                            on:click=move |_| app.update_services(&wid.get_value(), |s| s.set_consulting(true, lang))>
                            {Msg::Add.text(lang)}
                        </button>
                    })}
                </li>
            }
        });
        let packages = s
            .packages
            .into_iter()
            .map(|p| {
                let name = lens.pillar(&p.pillar).map_or("", |x| x.name.get(lang));
                let chosen = current.packages.contains_key(&p.pillar);
                let pillar = p.pillar.clone();
                let man_days = p.man_days.max(0.5);
                view! {
                    <li>
                        <strong>{Msg::PackageFor.fill(lang, &[("pillar", name)])}</strong>
                        " — "
                        {Msg::SuggestPackage.fill(lang, &[("high", &p.high_risks.to_string()), ("days", &days(man_days))])}
                        " "
                        {(!chosen).then(|| view! {
                            <button type="button" class="button secondary small" data-testid=format!("add-package-{pillar}")
                                on:click=move |_| app.update_services(&wid.get_value(), |s| {
                                    s.set_package(&pillar, Some(ManDays::from_days(man_days)), lang);
                                })>
                                {Msg::Add.text(lang)}
                            </button>
                        })}
                    </li>
                }
            })
            .collect_view();
        let modules = managed_suggestions(cx, &current);
        view! {
            <section class="card" aria-labelledby="suggest-title" data-testid="suggestions">
                <h2 id="suggest-title">{Msg::SuggestionsTitle.text(lang)}</h2>
                <p class="muted">{Msg::SuggestionsIntro.text(lang)}</p>
                <ul>{consulting}{packages}{modules}</ul>
            </section>
        }
    }
}

/// Managed-services modules the managed-services lens's high risks suggest (reactive: the
/// lens arrives when it is fetched).
fn managed_suggestions(cx: Ctx, current: &Selection) -> Option<impl IntoView + use<>> {
    let (app, lang, wid, cat) = (cx.app, cx.lang, cx.wid, cx.cat);
    let uses = app
        .with_workload(&wid.get_value(), |w| {
            w.lenses.iter().any(|l| l == MANAGED_SERVICES.id)
        })
        .unwrap_or(false);
    if !uses {
        return None;
    }
    app.lenses.ensure(MANAGED_SERVICES.id);
    let lens = app.lenses.get(MANAGED_SERVICES.id)?;
    let offering = cat.offering(MANAGED)?;
    let answers = app
        .answers(&wid.get_value(), MANAGED_SERVICES.id)
        .unwrap_or_default();
    let items = suggest_modules(lens, &answers, &offering.modules)
        .into_iter()
        .filter_map(|m| {
            let module = offering.modules.iter().find(|x| x.id == m.module)?;
            let mid: &'static str = &module.id;
            let chosen = current.modules.contains(mid);
            Some(view! {
                <li>
                    <strong>{t(&offering.name, lang)}": "{t(&module.name, lang)}</strong>
                    " — "{Msg::SuggestModule.fill(lang, &[("high", &m.high_risks.to_string())])}" "
                    {(!chosen).then(|| view! {
                        <button type="button" class="button secondary small" data-testid=format!("add-module-{mid}")
                            on:click=move |_| app.update_services(&wid.get_value(), |s| {
                                s.modules.insert(mid.to_owned());
                            })>
                            {Msg::Add.text(lang)}
                        </button>
                    })}
                </li>
            })
        })
        .collect_view();
    Some(items)
}

/// The deliverable language of an offering: a choice where the seed allows one, else the fixed
/// language stated.
fn language_control(cx: Ctx, o: &'static Offering) -> impl IntoView {
    let (app, lang, wid) = (cx.app, cx.lang, cx.wid);
    let oid: &'static str = &o.id;
    if o.languages.len() < 2 {
        return view! { <p class="small" data-testid=format!("language-{oid}")>{Msg::DeliverableLanguageFixed.text(lang)}</p> }
            .into_any();
    }
    let sel = cx.selection;
    let id = format!("language-{oid}");
    view! {
        <div class="field inline">
            <label for=id.clone()>{Msg::DeliverableLanguage.text(lang)}</label>
            <select id=id.clone() data-testid=id
                prop:value=move || sel.with(|s| s.deliverable_language(o).map_or("", |l| l.tag()))
                on:change:target=move |ev| {
                    let chosen = Lang::from_tag(&ev.target().value());
                    app.update_services(&wid.get_value(), |s| match chosen {
                        Some(l) => { s.languages.insert(oid.to_owned(), l); }
                        None => { s.languages.remove(oid); }
                    });
                }>
                <option value="">{Msg::LanguageNotChosen.text(lang)}</option>
                <option value="en">{Msg::LanguageEnglish.text(lang)}</option>
                <option value="zh-CN">{Msg::LanguageChinese.text(lang)}</option>
            </select>
        </div>
    }
    .into_any()
}

/// The number of consultants staffed on implementation (1 to [`MAX_CONSULTANTS`]), as a
/// labelled select with the id and test id `id`; the services page and the schedule share it.
pub fn consultants_select(
    app: AppState,
    wid: StoredValue<String>,
    id: &'static str,
    disabled: bool,
) -> impl IntoView + use<> {
    let lang = app.lang.get_untracked();
    let selection = app.selection(&wid.get_value());
    view! {
        <label for=id>{Msg::Consultants.text(lang)}</label>
        <select id=id data-testid=id disabled=disabled
            prop:value=move || selection.get().consultants.to_string()
            on:change:target=move |ev| {
                let n: u8 = ev.target().value().parse().unwrap_or(1);
                app.update_services(&wid.get_value(), |s| s.consultants = n.clamp(1, MAX_CONSULTANTS));
            }>
            {(1..=MAX_CONSULTANTS).map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
        </select>
    }
}

/// On-site man-days (0–2) of an offering, enabled while it is chosen.
fn onsite_control(
    cx: Ctx,
    key: &'static str,
    label: Msg,
    enabled: impl Fn() -> bool + Send + Sync + 'static,
    get: fn(&Selection) -> u8,
    set: fn(&mut Selection, u8),
) -> impl IntoView {
    let (app, lang, wid) = (cx.app, cx.lang, cx.wid);
    let sel = cx.selection;
    view! {
        <div class="field inline">
            <label for=key>{label.text(lang)}</label>
            <select id=key data-testid=key prop:disabled=move || !enabled()
                aria-describedby="onsite-hint"
                prop:value=move || sel.with(|s| get(s).to_string())
                on:change:target=move |ev| {
                    let n: u8 = ev.target().value().parse().unwrap_or(0);
                    app.update_services(&wid.get_value(), |s| set(s, n.min(2)));
                }>
                <option value="0">"0"</option>
                <option value="1">"1"</option>
                <option value="2">"2"</option>
            </select>
        </div>
    }
}

/// Well-Architected Consulting: choose it and its on-site days.
fn consulting_card(cx: Ctx) -> impl IntoView {
    let (app, lang, wid, cat) = (cx.app, cx.lang, cx.wid, cx.cat);
    let sel = move || cx.selection.get();
    let consulting_on = move || sel().consulting;
    cat.offering(CONSULTING).map(|o| {
        let controls = view! {
                <div class="check-row">
                    <input type="checkbox" id="choose-consulting" data-testid="choose-consulting"
                        prop:checked=consulting_on
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            app.update_services(&wid.get_value(), |s| s.set_consulting(on, lang))
                        }/>
                    <label for="choose-consulting">{Msg::ChooseConsulting.text(lang)}</label>
                </div>
                {onsite_control(cx, "onsite-days", Msg::OnsiteDays, consulting_on, |s| s.onsite_days, |s, n| s.onsite_days = n)}
                <Show when=consulting_on>{language_control(cx, o)}</Show>
        };
        offering_card(cx, o, "consulting", controls, consulting_on)
    })
}

/// Implementation: a package per pillar with its man-days, and the staffing.
fn implementation_card(cx: Ctx) -> impl IntoView {
    let (app, lang, wid, cat) = (cx.app, cx.lang, cx.wid, cx.cat);
    let sel = move || cx.selection.get();
    let lens = well_architected();
    cat.offering(IMPLEMENTATION).map(|o| {
        let packages = o
            .packages
            .iter()
            .map(|p| {
                let pid: &'static str = &p.pillar;
                let name = lens.pillar(pid).map_or(pid, |x| x.name.get(lang));
                let chosen = move || sel().packages.contains_key(pid);
                let box_id = format!("package-{pid}");
                let days_id = format!("package-days-{pid}");
                view! {
                    <li class="package" data-testid=format!("package-{pid}")>
                        <div class="check-row">
                            <input type="checkbox" id=box_id.clone() prop:checked=chosen
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    app.update_services(&wid.get_value(), |s| {
                                        s.set_package(pid, on.then_some(ManDays::from_tenths(50)), lang);
                                    })
                                }/>
                            <label for=box_id>{Msg::PackageFor.fill(lang, &[("pillar", name)])}</label>
                        </div>
                        <div class="field inline">
                            <label for=days_id.clone()>{Msg::PackageDays.text(lang)}</label>
                            <input type="number" id=days_id min="0.5" max=MAX_PACKAGE_DAYS.to_string() step="0.5" inputmode="decimal"
                                prop:disabled=move || !chosen()
                                prop:value=move || sel().package_days(pid).map(|d| d.to_string()).unwrap_or_default()
                                on:change:target=move |ev| {
                                    if let Ok(d) = ev.target().value().parse::<f64>() {
                                        let d = d.clamp(0.5, MAX_PACKAGE_DAYS);
                                        app.update_services(&wid.get_value(), |s| {
                                            if let Some(v) = s.packages.get_mut(pid) { *v = ManDays::from_days(d); }
                                        });
                                    }
                                }/>
                        </div>
                        <p class="small"><strong>{Msg::PackageFocus.text(lang)}</strong>" "{t(&p.focus, lang)}</p>
                        <p class="small"><strong>{Msg::PackageDesign.text(lang)}</strong>" "{t(&p.example_design, lang)}</p>
                    </li>
                }
            })
            .collect_view();
        let any = move || !sel().packages.is_empty();
        let controls = view! {
                <ul class="packages">{packages}</ul>
                <div class="field inline">
                    {consultants_select(app, wid, "consultants", false)}
                </div>
                {onsite_control(cx, "implementation-onsite-days", Msg::ImplementationOnsiteDays, any, |s| s.implementation_onsite_days, |s, n| s.implementation_onsite_days = n)}
                <Show when=any>{language_control(cx, o)}</Show>
        };
        offering_card(cx, o, "implementation", controls, any)
    })
}

/// Managed services: its modules and milestones.
fn managed_card(cx: Ctx) -> impl IntoView {
    let (app, lang, wid, cat) = (cx.app, cx.lang, cx.wid, cx.cat);
    let sel = move || cx.selection.get();
    cat.offering(MANAGED).map(|o| {
        let modules = o
            .modules
            .iter()
            .map(|m| {
                let mid: &'static str = &m.id;
                let box_id = format!("module-{mid}");
                view! {
                    <li>
                        <div class="check-row">
                            <input type="checkbox" id=box_id.clone()
                                prop:checked=move || sel().modules.contains(mid)
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    app.update_services(&wid.get_value(), |s| {
                                        if on { s.modules.insert(mid.to_owned()); } else { s.modules.remove(mid); }
                                    })
                                }/>
                            <label for=box_id>{t(&m.name, lang)}</label>
                        </div>
                        <p class="small muted">{t(&m.description, lang)}</p>
                    </li>
                }
            })
            .collect_view();
        let milestones = o
            .milestones
            .iter()
            .map(|m| view! { <li><strong>{t(&m.name, lang)}</strong>" — "{t(&m.report, lang)}</li> })
            .collect_view();
        let any = move || !sel().modules.is_empty();
        let controls = view! {
                <ul class="modules">{modules}</ul>
                <h3>{Msg::MilestonesTitle.text(lang)}</h3>
                <ol>{milestones}</ol>
                {language_control(cx, o)}
        };
        offering_card(cx, o, "managed", controls, any)
    })
}

/// The live quote of the selection.
fn quote_card(cx: Ctx) -> impl IntoView {
    let lang = cx.lang;
    view! {
        <section class="card" aria-labelledby="quote-title" data-testid="quote-card">
            <h2 id="quote-title">{Msg::QuoteTitle.text(lang)}</h2>
            <QuoteTable workload_id=cx.wid.get_value() cat=cx.cat/>
        </section>
    }
}

/// A workload's quote (reactive): line items, man-days, subtotal, tax, total and validity, or
/// man-days only without a price list; and the sentence that it is an estimate.
#[component]
pub fn QuoteTable(
    /// The workload's id.
    workload_id: String,
    /// The catalogue (for the names of offerings and modules).
    cat: &'static Catalogue,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let lens = well_architected();
    move || {
        let Some(q) = app.quote(&wid.get_value()) else {
            return ().into_any();
        };
        if q.lines.is_empty() {
            return view! { <p>{Msg::QuoteNothing.text(lang)}</p> }.into_any();
        }
        let priced = q.priced.clone();
        let currency = priced.as_ref().map(|p| p.currency.clone());
        let money = |m: crate::domain::quote::Money| m.grouped();
        let rows = q
            .lines
            .iter()
            .map(|l| {
                let label = crate::i18n::quote_item(&l.item, Some(cat), lens, lang);
                let amount = match l.amount {
                    Amount::Priced(m) => money(m),
                    Amount::OnRequest => Msg::OnRequest.text(lang).to_owned(),
                    Amount::Unpriced => "—".to_owned(),
                };
                let within = l.item.is_onsite().then(|| {
                    view! { <span class="small muted">" ("{Msg::QuotePackageDays.text(lang)}")"</span> }
                });
                view! {
                    <tr>
                        <th scope="row">{label}{within}</th>
                        <td class="num">{l.man_days.map(|d| d.to_string()).unwrap_or_default()}</td>
                        <td class="num">{l.day_rate.map(money).unwrap_or_default()}</td>
                        <td class="num">{amount}</td>
                    </tr>
                }
            })
            .collect_view();
        let amount_head = match &currency {
            Some(c) => format!("{} ({c})", Msg::ColAmount.text(lang)),
            None => Msg::ColAmount.text(lang).to_owned(),
        };
        let foot = priced.as_ref().map(|p| {
            let tax = p.tax.as_ref().map(|(t, amount)| {
                let name = crate::i18n::quote_tax_label(t, lang);
                view! { <tr><th scope="row" colspan="3">{name}</th><td class="num" data-testid="quote-tax">{money(*amount)}</td></tr> }
            });
            view! {
                <tr><th scope="row" colspan="3">{Msg::QuoteSubtotal.text(lang)}</th><td class="num" data-testid="quote-subtotal">{money(p.subtotal)}</td></tr>
                {tax}
                <tr class="total"><th scope="row" colspan="3">{Msg::QuoteTotal.text(lang)}</th><td class="num" data-testid="quote-total">{money(p.total)}</td></tr>
            }
        });
        let notes = match &priced {
            Some(p) => {
                let on_request = (p.on_request > 0).then(|| {
                    view! { <p>{Msg::QuoteOnRequest.fill(lang, &[("n", &p.on_request.to_string())])}</p> }
                });
                view! {
                    {on_request}
                    <p data-testid="quote-valid">{Msg::QuoteValidUntil.fill(lang, &[("date", &crate::domain::calendar::format_date(p.valid_until))])}</p>
                }
                .into_any()
            }
            None => view! { <p data-testid="quote-unpriced">{Msg::QuoteNoPrices.text(lang)}</p> }
                .into_any(),
        };
        view! {
            <div class="table-wrap">
                <table data-testid="quote">
                    <caption class="visually-hidden">{Msg::QuoteTitle.text(lang)}</caption>
                    <thead><tr>
                        <th scope="col">{Msg::ColItem.text(lang)}</th>
                        <th scope="col" class="num">{Msg::ColManDays.text(lang)}</th>
                        <th scope="col" class="num">{Msg::ColDayRate.text(lang)}</th>
                        <th scope="col" class="num">{amount_head}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr><th scope="row">{Msg::QuoteManDays.text(lang)}</th><td class="num" data-testid="quote-man-days">{q.man_days.to_string()}</td><td></td><td></td></tr>
                        {foot}
                    </tfoot>
                </table>
            </div>
            {notes}
            <p class="small muted">{Msg::QuoteEstimate.text(lang)}</p>
        }
        .into_any()
    }
}

/// What the customer should know about the choice so far.
fn choice_status(cx: Ctx) -> impl IntoView {
    let Ctx {
        lang,
        cat,
        selection,
        ..
    } = cx;
    let sel = move || selection.get();
    let lens = well_architected();
    let answers = move || cx.answers();
    let ranking = move || cx.ranking();
    let recommended = move || recommended_pillars(lens, &answers(), &ranking());
    move || {
        let s = sel();
        if s.is_empty() {
            return view! { <p>{Msg::NothingChosen.text(lang)}</p> }.into_any();
        }
        let items = cautions(cat, &s, &recommended())
            .into_iter()
            .map(|c| {
                let name = |id: &str| cat.offering(id).map_or("", |o| o.name.get(lang));
                let text = match c {
                    Caution::NoRecommendations(pillar) => {
                        let p = lens
                            .pillar(&pillar)
                            .map_or(pillar.as_str(), |x| x.name.get(lang));
                        Msg::CautionNoRecommendations.fill(lang, &[("pillar", p)])
                    }
                    Caution::LanguagePending(id) => {
                        Msg::CautionLanguage.fill(lang, &[("service", name(id))])
                    }
                    Caution::ExclusionsPending(id) => {
                        Msg::CautionExclusions.fill(lang, &[("service", name(id))])
                    }
                    Caution::PrerequisitesOpen(id, n) => Msg::CautionPrerequisites
                        .fill(lang, &[("service", name(id)), ("n", &n.to_string())]),
                };
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! { <ul data-testid="cautions">{items}</ul> }.into_any()
    }
}

/// An offering's card: its name, summary and duration, the `controls` that choose it, and its
/// details while `chosen`.
fn offering_card(
    cx: Ctx,
    o: &'static Offering,
    key: &'static str,
    controls: impl IntoView + 'static,
    chosen: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let (lang, wid) = (cx.lang, cx.wid);
    let rules = cx.app.rules.get_untracked();
    view! {
        <section class="card offering" aria-labelledby=format!("offer-{key}") data-testid=format!("offering-{key}")>
            <h2 id=format!("offer-{key}")>{t(&o.name, lang)}</h2>
            <p>{rule_text(&o.summary, lang, &rules)}</p>
            <p class="muted">{rule_text(&o.duration, lang, &rules)}</p>
            {controls}
            <details data-testid=format!("terms-{key}")>
                <summary>{Msg::SupportTitle.text(lang)}</summary>
                <dl class="facts">
                    <dt>{Msg::SupportTerms.text(lang)}</dt><dd>{rule_text(&o.terms.support, lang, &rules)}</dd>
                    <dt>{Msg::SupportHours.text(lang)}</dt><dd>{rule_text(&o.terms.hours, lang, &rules)}</dd>
                    <dt>{Msg::SupportChannels.text(lang)}</dt><dd>{rule_text(&o.terms.channels, lang, &rules)}</dd>
                    <dt>{Msg::SupportLanguages.text(lang)}</dt><dd>{rule_text(&o.terms.languages, lang, &rules)}</dd>
                    <dt>{Msg::SupportLeadTime.text(lang)}</dt><dd>{rule_text(&o.terms.lead_time, lang, &rules)}</dd>
                </dl>
            </details>
            <Show when=chosen>
                <OfferingDetails workload_id=wid.get_value() offering=o/>
            </Show>
        </section>
    }
}

/// What a chosen offering includes and excludes, its prerequisites, RACI, deliverables,
/// acceptance plan and service levels.
#[component]
fn OfferingDetails(
    /// The workload's id.
    workload_id: String,
    /// The offering described.
    offering: &'static Offering,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let wid = StoredValue::new(workload_id);
    let oid: &'static str = &offering.id;
    let rules = app.rules.get_untracked();
    let selection = app.selection(&wid.get_value());
    let list = |items: &'static [Text]| text_items(items, lang, &rules);
    let ack_id = format!("ack-{oid}");
    view! {
        <div class="offering-details" data-testid=format!("details-{oid}")>
            <details>
                <summary>{Msg::IncludedExcluded.text(lang)}</summary>
                <h3>{Msg::Included.text(lang)}</h3>
                <ul>{list(&offering.included)}</ul>
                <h3>{Msg::Excluded.text(lang)}</h3>
                <ul>{list(&offering.excluded)}</ul>
            </details>
            <div class="check-row ack">
                <input type="checkbox" id=ack_id.clone() data-testid=format!("ack-{oid}")
                    prop:checked=move || selection.get().acknowledged.contains(oid)
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        app.update_services(&wid.get_value(), |s| {
                            if on { s.acknowledged.insert(oid.to_owned()); } else { s.acknowledged.remove(oid); }
                        })
                    }/>
                <label for=ack_id>{Msg::AcknowledgeExclusions.text(lang)}</label>
            </div>
            <details>
                <summary>{Msg::Prerequisites.text(lang)}</summary>
                <ul class="checklist">{prerequisites(app, wid, offering, &rules)}</ul>
            </details>
            <details>
                <summary>{Msg::Raci.text(lang)}</summary>
                <p class="small muted">{Msg::RaciLegend.text(lang)}</p>
                {raci_table(offering, lang, &rules)}
            </details>
            <details>
                <summary>{Msg::DeliverablesAcceptance.text(lang)}</summary>
                {deliverables(offering, lang, &rules)}
            </details>
            <details>
                <summary>{Msg::ServiceLevel.text(lang)}</summary>
                <ul>{list(&offering.sla)}</ul>
                <h3>{Msg::CustomerDuties.text(lang)}</h3>
                <ul>{list(&offering.customer_duties)}</ul>
                <h3>{Msg::ProviderDuties.text(lang)}</h3>
                <ul>{list(&offering.provider_duties)}</ul>
            </details>
        </div>
    }
}

/// One list item per text, with the sales team's rules filled in.
fn text_items(items: &'static [Text], lang: Lang, rules: &Rules) -> impl IntoView + use<> {
    items
        .iter()
        .map(|x| view! { <li>{rule_text(x, lang, rules)}</li> })
        .collect_view()
}

/// The offering's prerequisites, each a check box the customer ticks when it is in place.
fn prerequisites(
    app: AppState,
    wid: StoredValue<String>,
    offering: &'static Offering,
    rules: &Rules,
) -> impl IntoView + use<> {
    let lang = app.lang.get_untracked();
    let oid: &'static str = &offering.id;
    let selection = app.selection(&wid.get_value());
    offering
        .prerequisites
        .iter()
        .map(|p| {
            let key = format!("{oid}/{}", p.id);
            let k2 = key.clone();
            let id = format!("pre-{oid}-{}", p.id);
            view! {
                <li class="check-row">
                    <input type="checkbox" id=id.clone()
                        prop:checked=move || selection.get().prerequisites.contains(&key)
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            let k = k2.clone();
                            app.update_services(&wid.get_value(), |s| {
                                if on { s.prerequisites.insert(k); } else { s.prerequisites.remove(&k); }
                            })
                        }/>
                    <label for=id>{rule_text(&p.text, lang, rules)}</label>
                </li>
            }
        })
        .collect_view()
}

/// Who does what in each phase: the customer's and the provider's part of every task.
fn raci_table(offering: &'static Offering, lang: Lang, rules: &Rules) -> impl IntoView + use<> {
    let rows = offering
        .raci
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{rule_text(&r.phase, lang, rules)}</td>
                    <th scope="row">{rule_text(&r.task, lang, rules)}</th>
                    <td>{rule_text(&r.details, lang, rules)}</td>
                    <td>{r.customer.clone()}</td>
                    <td>{r.provider.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table>
                {head(&[Col::Text(Msg::ColPhase), Col::Text(Msg::ColTask), Col::Text(Msg::ColDetails), Col::Text(Msg::Customer), Col::Text(Msg::Provider)], lang)}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The offering's deliverables, each with its phase, and the acceptance plan.
fn deliverables(offering: &'static Offering, lang: Lang, rules: &Rules) -> impl IntoView + use<> {
    let items = offering
        .deliverables
        .iter()
        .map(|d| {
            let phase = offering
                .phases
                .iter()
                .find(|p| p.id == d.phase)
                .map_or("", |p| p.name.get(lang));
            view! { <li><strong>{d.name.get(lang)}</strong>" — "{phase}</li> }
        })
        .collect_view();
    let acceptance = offering
        .acceptance
        .iter()
        .map(|a| view! { <tr><th scope="row">{rule_text(&a.milestone, lang, rules)}</th><td>{rule_text(&a.content, lang, rules)}</td><td>{rule_text(&a.indicator, lang, rules)}</td></tr> })
        .collect_view();
    view! {
        <h3>{Msg::Deliverables.text(lang)}</h3>
        <ul>{items}</ul>
        <h3>{Msg::AcceptancePlan.text(lang)}</h3>
        <div class="table-wrap">
            <table>
                {head(&[Col::Text(Msg::ColMilestone), Col::Text(Msg::ColContent), Col::Text(Msg::ColIndicator)], lang)}
                <tbody>{acceptance}</tbody>
            </table>
        </div>
    }
}
