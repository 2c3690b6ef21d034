//! Search in the text, above the text view: plain text or a regular expression, in the open
//! document or in all of them. `/` (or Ctrl+F while the text has the focus) puts the cursor
//! here; Enter / Shift+Enter move to the next / previous hit; Escape goes back to the text.

use super::browser;
use super::browser_search::Pattern;
use super::store::{use_dispatch, Shared};
use super::text_field::LiveField;
use super::words::chrome as w;
use super::words::current_lang;
use super::words::formatted::not_a_pattern;
use super::words::titles::search_scope_title;
use super::words::use_lang;
use crate::core::editor::EditorAction;
use crate::core::text_search::{occurrences, Search, SearchQuery, SearchScope};
use crate::core::{DocId, Project};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    pub project: Shared<Project>,
    pub open_doc: Option<DocId>,
    pub search: Option<Shared<Search>>,
}

/// What a search depends on besides its query: the open document (for a search in it), or
/// every document's text (for a search in all). Equal when a run would find the same; an edit
/// of spans changes neither.
struct Inputs(Shared<Project>, Option<DocId>, SearchScope);

impl PartialEq for Inputs {
    fn eq(&self, other: &Self) -> bool {
        self.2 == other.2
            && match self.2 {
                SearchScope::Document => {
                    fn open(i: &Inputs) -> Option<&crate::core::Document> {
                        i.1.as_ref().and_then(|id| i.0.document(id))
                    }
                    match (open(self), open(other)) {
                        (Some(a), Some(b)) => {
                            a.id == b.id && a.is_loaded() == b.is_loaded() && a.shares_text(b)
                        }
                        (a, b) => a.is_none() && b.is_none(),
                    }
                }
                SearchScope::Corpus => {
                    self.0 == other.0
                        || self.0.documents_agree(&other.0, |a, b| {
                            a.id == b.id && a.is_loaded() == b.is_loaded() && a.shares_text(b)
                        })
                }
            }
    }
}

#[component]
pub fn SearchBar(props: &SearchBarProps) -> Html {
    let lang = use_lang();
    let editor = use_dispatch();
    let query = use_state(SearchQuery::default);
    // Run again whenever the query or what it reads changed.
    {
        let editor = editor.clone();
        let inputs = Inputs(props.project.clone(), props.open_doc.clone(), query.scope);
        use_effect_with(((*query).clone(), inputs), move |(query, Inputs(project, open, _))| {
            editor.dispatch(EditorAction::SetSearch(run(project, open.as_ref(), query.clone())));
        });
    }
    let change = |edit: fn(&mut SearchQuery, String)| {
        let query = query.clone();
        Callback::from(move |value: String| {
            let mut next = (*query).clone();
            edit(&mut next, value);
            query.set(next);
        })
    };
    let on_text = change(|q, text| q.text = text);
    let on_scope = {
        let set = change(|q, key| q.scope = SearchScope::from_key(&key).unwrap_or_default());
        Callback::from(move |e: Event| {
            set.emit(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())
        })
    };
    let on_regex = {
        let set = change(|q, on| q.regex = on == "true");
        Callback::from(move |e: Event| {
            set.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked().to_string())
        })
    };
    let onkeydown = {
        let editor = editor.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                editor.dispatch(EditorAction::SearchStep { forward: !e.shift_key() });
            }
            "Escape" => {
                e.prevent_default();
                browser::focus_text_view();
            }
            _ => {}
        })
    };
    let step = |forward: bool| editor.to(move |_: MouseEvent| EditorAction::SearchStep { forward });
    let (count, at, problem) = match &props.search {
        Some(search) => (search.hits.len(), search.current, search.problem.clone()),
        None => (0, None, None),
    };
    let shown = match (problem, at) {
        (Some(problem), _) if count == 0 => problem,
        (Some(problem), Some(at)) => format!("{} / {count} · {problem}", at + 1),
        (None, Some(at)) => format!("{} / {count}", at + 1),
        _ if query.text.is_empty() => String::new(),
        _ => count.to_string(),
    };
    let scopes = SearchScope::ALL.iter().map(|scope| {
        html! { <option value={scope.key()} selected={*scope == query.scope}>{ search_scope_title(lang, *scope) }</option> }
    });
    html! {
        <div class="search-bar" role="search">
            <LiveField class="search-bar__input" testid="search-input" placeholder={w::FIND_PLACEHOLDER.get(lang)}
                       on_text={on_text} onkeydown={Some(onkeydown)} />
            <label class="search-bar__regex" title={w::REGEX_TIP.get(lang)}>
                <input type="checkbox" data-testid="search-regex" checked={query.regex} onchange={on_regex} aria-label={w::REGEX_TIP.get(lang)} />
                { ".*" }
            </label>
            <select data-testid="search-scope" onchange={on_scope} title={w::SEARCH_SCOPE.get(lang)} aria-label={w::SEARCH_SCOPE.get(lang)}>{ for scopes }</select>
            <button data-testid="search-prev" onclick={step(false)} disabled={count == 0} title={w::PREVIOUS_HIT.get(lang)} aria-label={w::PREVIOUS_HIT.get(lang)}>{ "↑" }</button>
            <button data-testid="search-next" onclick={step(true)} disabled={count == 0} title={w::NEXT_HIT.get(lang)} aria-label={w::NEXT_HIT.get(lang)}>{ "↓" }</button>
            <span class="search-bar__count" data-testid="search-count" data-count={count.to_string()} aria-live="polite">{ shown }</span>
        </div>
    }
}

/// The search of `query`: plain text here, a pattern by the browser's `RegExp`.
fn run(project: &Project, open: Option<&DocId>, query: SearchQuery) -> Option<Search> {
    if query.text.is_empty() {
        return None;
    }
    if query.regex {
        let pattern = Pattern::new(&query.text);
        Some(Search::run(project, open, query, |text| match &pattern {
            Ok(pattern) => Ok(pattern.find(text)),
            Err(message) => Err(not_a_pattern(current_lang(), message)),
        }))
    } else {
        let needle = query.text.clone();
        Some(Search::run(project, open, query, |text| Ok(occurrences(text, &needle))))
    }
}
