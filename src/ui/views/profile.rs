//! The workload profile: organisation, workload, contact, description. Saved as the user types.

use crate::domain::builtin::well_architected;
use crate::domain::workload::{MAX_DESCRIPTION, MAX_PROFILE_FIELD, Profile};
use crate::ui::i18n::Msg;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The profile page of a workload.
#[component]
pub fn ProfilePage(
    /// The workload's id.
    workload_id: String,
) -> impl IntoView {
    let app = use_app();
    // Pages are rebuilt when the language changes (see `App`).
    let lang = app.lang.get_untracked();
    let id = StoredValue::new(workload_id);
    let field = move |key: &'static str,
                      label: Msg,
                      kind: &'static str,
                      max: usize,
                      get: fn(&Profile) -> &String,
                      set: fn(&mut Profile, String)| {
        let input_id = format!("profile-{key}");
        let value = move || {
            app.workloads.with(|ws| {
                ws.iter()
                    .find(|w| w.id == id.get_value())
                    .map(|w| get(&w.profile).clone())
                    .unwrap_or_default()
            })
        };
        let on_input = move |text: String| {
            let text: String = text.chars().take(max).collect();
            app.update_workload(&id.get_value(), |w| set(&mut w.profile, text));
        };
        let control = if kind == "textarea" {
            view! {
                <textarea
                    id=input_id.clone()
                    maxlength=max.to_string()
                    rows="5"
                    aria-describedby="profile-description-hint"
                    prop:value=value
                    on:input:target=move |ev| on_input(ev.target().value())
                ></textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    type=kind
                    id=input_id.clone()
                    maxlength=max.to_string()
                    autocomplete=match key {
                        "organisation" => "organization",
                        "contact_name" => "name",
                        "contact_email" => "email",
                        _ => "off",
                    }
                    prop:value=value
                    on:input:target=move |ev| on_input(ev.target().value())
                />
            }
            .into_any()
        };
        let hint = (kind == "textarea").then(|| {
            view! { <span class="hint" id="profile-description-hint">{Msg::DescriptionHint.text(lang)}</span> }
        });
        view! {
            <div class="field">
                <label for=input_id>{label.text(lang)}</label>
                {hint}
                {control}
            </div>
        }
    };
    let first_pillar = Route::Pillar(id.get_value(), well_architected().pillars[0].id.clone());
    view! {
        <section class="card">
            <h1 id="page-title" tabindex="-1">{Msg::ProfileTitle.text(lang)}</h1>
            <p class="muted">{Msg::ProfileIntro.text(lang)}</p>
            <form on:submit=|ev| ev.prevent_default()>
                <div class="form-grid">
                    {field("organisation", Msg::Organisation, "text", MAX_PROFILE_FIELD, |p| &p.organisation, |p, v| p.organisation = v)}
                    {field("workload", Msg::NameLabel, "text", MAX_PROFILE_FIELD, |p| &p.workload, |p, v| p.workload = v)}
                    {field("contact_name", Msg::ContactName, "text", MAX_PROFILE_FIELD, |p| &p.contact_name, |p, v| p.contact_name = v)}
                    {field("contact_email", Msg::ContactEmail, "email", MAX_PROFILE_FIELD, |p| &p.contact_email, |p, v| p.contact_email = v)}
                </div>
                {field("description", Msg::Description, "textarea", MAX_DESCRIPTION, |p| &p.description, |p, v| p.description = v)}
            </form>
            <div class="actions">
                <a class="button" href=first_pillar.href() data-testid="to-questionnaire">
                    {Msg::ToQuestionnaire.text(lang)}
                </a>
            </div>
        </section>
    }
}
