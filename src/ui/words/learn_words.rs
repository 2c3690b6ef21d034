//! Why learning stopped, in the language shown. The English is each error's `Display` (the
//! command-line twin says the same); causes that are the browser's or the JSON reader's own
//! words are quoted as they come.

use super::chrome as w;
use super::errors::edit_error;
use super::storage_errors::storage_error;
use super::Lang;
use crate::core::learn::protocol::LearnFailure;
use crate::core::learn::tagger::ModelError;
use crate::core::learn::Confirmed;
use crate::ui::learning::LearnProblem;

pub fn learn_problem(lang: Lang, problem: &LearnProblem) -> String {
    match problem {
        LearnProblem::Worker(failure) => learn_failure(lang, failure),
        LearnProblem::Storage(error) => storage_error(lang, error),
        LearnProblem::SummaryUnreadable { cause } => match lang {
            Lang::Zh => format!("保存的模型摘要无法读取：{cause}"),
            Lang::En => format!("the stored model's summary does not read: {cause}"),
        },
        LearnProblem::Edit(error) => match lang {
            Lang::Zh => edit_error(error),
            Lang::En => error.to_string(),
        },
        LearnProblem::NothingConfirmed(Confirmed::Done) => w::NOTHING_TO_LEARN_DONE.get(lang).into(),
        LearnProblem::NothingConfirmed(Confirmed::All) => w::NOTHING_TO_LEARN_ANY.get(lang).into(),
        LearnProblem::ModelGone => w::MODEL_GONE.get(lang).into(),
    }
}

pub fn learn_failure(lang: Lang, failure: &LearnFailure) -> String {
    if lang == Lang::En {
        return failure.to_string();
    }
    match failure {
        LearnFailure::ModelUnusable { cause } => format!("保存的模型无法使用：{}", model_error_zh(cause)),
        LearnFailure::NoModelSent => "应载入模型，但没有收到模型".into(),
        LearnFailure::NoModelYet => "还没有模型：请先训练".into(),
        LearnFailure::TrainingNow => "学习进程正在训练；训练完成后再生成建议".into(),
        LearnFailure::Busy => "学习进程正忙；请先取消".into(),
        LearnFailure::NothingToLearn => "没有可学习的内容：在一些文档中确认片段并把它们标为完成".into(),
        LearnFailure::ModelGone => "模型已不在".into(),
        LearnFailure::NeverPrepared => "训练没有准备好（训练文本没有送到）".into(),
        LearnFailure::BadMessage { cause } => format!("页面与学习进程之间的一条消息无法读取：{cause}"),
        LearnFailure::NotStarted { cause } => format!("无法启动学习进程：{cause}"),
        LearnFailure::Unreachable { cause } => format!("无法联系学习进程：{cause}"),
        LearnFailure::Stopped { cause } => format!("学习进程已停止：{cause}"),
    }
}

fn model_error_zh(error: &ModelError) -> String {
    match error {
        ModelError::NotAModel => "这不是 biaozhu 模型（开头的字节不是 BZTAG）".into(),
        ModelError::Version(v) => format!("该模型以格式 {v} 写成，本版本无法读取"),
        ModelError::Truncated { at } => format!("模型在第 {at} 字节提前结束"),
        ModelError::BadText { at } => format!("模型第 {at} 字节处的文本不是 UTF-8"),
        ModelError::BadTag { at, tag } => format!("模型在第 {at} 字节处给出标记 {tag}，超出了它的标签"),
        ModelError::TooManyLabels(n) => format!("{n} 个标签超出了模型能容纳的数量（63）"),
    }
}
