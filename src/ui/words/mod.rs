//! Every word the interface shows, in Chinese and in English, and the language chosen.
//!
//! Components never hold their own strings: they take a `Phrase` from `chrome` (fixed text) or
//! call a function of `formatted` (text with numbers or names in it), in the language of the
//! `Lang` context. Core outcomes (errors, counts) are typed; `outcomes` and `errors` choose
//! their words.
//! The language is the user's choice (`data-testid=lang`, remembered in this browser), at first
//! the browser's own.

pub mod chrome;
pub mod dataset_words;
pub mod errors;
pub mod export_words;
pub mod formatted;
pub mod import_review;
pub mod learn_words;
pub mod outcomes;
pub mod reading;
pub mod storage;
pub mod storage_errors;
pub mod titles;

use yew::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The key kept in local storage and written to `<html lang>`.
    pub fn key(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_key(key: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The language for a browser's language tag (`navigator.language`): Chinese for any
    /// Chinese tag, English for everything else.
    pub fn for_browser(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    /// Picks the one of two words for this language.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// One piece of fixed text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Phrase {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

const LANG_KEY: &str = "biaozhu.lang";

/// The language chosen in this browser, else the browser's own (not stored: it follows the
/// browser until the user chooses).
pub fn chosen_lang() -> Lang {
    crate::ui::browser::stored_setting(LANG_KEY)
        .and_then(|key| Lang::from_key(&key))
        .unwrap_or_else(|| Lang::for_browser(&crate::ui::browser::browser_language()))
}

thread_local! {
    /// The language now shown, for words made outside a component (a task's message).
    static CURRENT: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language now shown (before the app has shown one, the one it will show).
pub fn current_lang() -> Lang {
    CURRENT.with(|c| c.get()).unwrap_or_else(chosen_lang)
}

/// Shows `lang`: tells the page, and makes it the one tasks write their messages in.
pub fn show_lang(lang: Lang) {
    CURRENT.with(|c| c.set(Some(lang)));
    crate::ui::browser::set_page_language(lang.key());
}

/// The user chose `lang` (the toolbar's switch): remembered in this browser.
pub fn choose_lang(lang: Lang) {
    crate::ui::browser::save_setting(LANG_KEY, lang.key());
    show_lang(lang);
}

/// The language the interface is in (provided by the app).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
