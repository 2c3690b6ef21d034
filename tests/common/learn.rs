//! A made-up corpus for the suggestion model's tests: sentences with a person and a place,
//! names with 𠀀 and 😀 so that code points and UTF-16 differ.

use biaozhu::core::*;

pub const PEOPLE: [&str; 6] = ["徐立毅", "王新伟", "张𠀀明", "李娜", "周洁", "赵敏😀"];
pub const PLACES: [&str; 6] = ["郑州", "航空港区", "中牟县", "金水区", "登封", "新郑"];

/// Sentence `k`: a person, a place, and filler, varied by `k`; their spans in code points.
pub fn sentence(k: usize) -> (String, [(usize, usize, &'static str); 2]) {
    let (person, place) = (PEOPLE[k % PEOPLE.len()], PLACES[(k / PEOPLE.len() + k) % PLACES.len()]);
    let lead = ["昨日，", "", "上午，"][k % 3];
    let text = format!("{lead}{person}在{place}调研，强调要抓好复工复产。");
    let p0 = lead.chars().count();
    let p1 = p0 + person.chars().count();
    let l0 = p1 + 1;
    let l1 = l0 + place.chars().count();
    (text, [(p0, p1, "PER"), (l0, l1, "LOC")])
}

/// `count` sentences as documents `d0`, `d1`, …, each with its two spans; the first `done`
/// marked done.
pub fn project(count: usize, done: usize) -> Project {
    let mut s = Session::new(Project::new(schema::default_schema()));
    for k in 0..count {
        let (text, spans) = sentence(k);
        let id = DocId::from(format!("d{k}").as_str());
        s.apply(Command::AddDocument { at: k, doc: Box::new(Document::new(id.clone(), "s", &text)) })
            .unwrap();
        for (start, end, label) in spans {
            s.add_span(&id, CharRange::new(start, end), label).unwrap();
        }
        if k < done {
            s.apply(Command::SetStatus { doc: id, status: DocStatus::Done }).unwrap();
        }
    }
    s.project().clone()
}
