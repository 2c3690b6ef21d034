//! A value worked out from the whole project (the document list's rows, the done count) that
//! changes far less often than the project does.
//!
//! Yew's `use_memo` compares its dependencies with those of the last computation and keeps
//! those. Here the project is compared with the one of the previous render instead, and then
//! kept: two successive states share all but the documents an edit changed, so `still_holds`
//! is a pass over pointers. (Compared with the project of the last computation, which may be
//! from before every document was read from storage, it went through 50,000 documents field by
//! field on every render, and kept that old project alive.)

use super::store::Shared;
use crate::core::Project;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

struct Memo<K, T> {
    project: Shared<Project>,
    key: K,
    value: Rc<T>,
}

/// `compute(project, key)`, computed again only when `key` changed or `still_holds(before,
/// now, key)` says the project changed in a way the value depends on.
#[hook]
pub fn use_project_memo<K, T>(
    project: &Shared<Project>,
    key: &K,
    still_holds: fn(&Project, &Project, &K) -> bool,
    compute: fn(&Project, &K) -> T,
) -> Rc<T>
where
    K: PartialEq + Clone + 'static,
    T: 'static,
{
    let memo: Rc<RefCell<Option<Memo<K, T>>>> = use_mut_ref(|| None);
    let mut memo = memo.borrow_mut();
    let reusable = memo
        .as_ref()
        .is_some_and(|m| m.key == *key && (m.project == *project || still_holds(&m.project, project, key)));
    match memo.as_mut() {
        Some(m) if reusable => {
            m.project = project.clone();
            m.value.clone()
        }
        _ => {
            let value = Rc::new(compute(project, key));
            *memo = Some(Memo { project: project.clone(), key: key.clone(), value: value.clone() });
            value
        }
    }
}
