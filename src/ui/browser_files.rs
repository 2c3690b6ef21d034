//! Files into bytes: the ones the user picks or drops, and the one `?doc=` names, fetched from
//! beside the app. Each refuses a file over the size limit before reading it, and words its
//! failures in the language shown.

use super::browser::{js_error, window};
use super::words::current_lang;
use super::words::reading::{could_not_fetch, could_not_read, input_refusal, server_answered};
use crate::core::intake::{check_doc_url, check_size};
use crate::core::refusal::{AddressProblem, InputRefusal};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Every file of a file list.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default()
}

/// Reads a file the user picked or dropped, refusing one over the size limit before reading it.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    check_size(&file.name(), file.size() as u64).map_err(|r| input_refusal(current_lang(), &r))?;
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| could_not_read(current_lang(), &file.name(), &js_error(e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads every file, in order, as (name, bytes); the first that cannot be read stops it.
pub async fn read_files(files: &[web_sys::File]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        read.push((file.name(), read_file(file).await?));
    }
    Ok(read)
}

/// The `?doc=` parameter of the page URL, if any.
pub fn doc_param() -> Option<String> {
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("doc").filter(|s| !s.is_empty())
}

/// Fetches a file served beside the app, as bytes. Only relative URLs of the page's own origin
/// are fetched (checked by the core, then again on the resolved URL, and by the fetch's
/// `same-origin` mode, which also refuses a redirect elsewhere). The size limit is checked on
/// `Content-Length` before the body is read and again while it streams in.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let lang = current_lang();
    let refused = |r: InputRefusal| input_refusal(lang, &r);
    check_doc_url(url).map_err(refused)?;
    let location = window().location();
    let page = location.href().map_err(js_error)?;
    let resolved =
        web_sys::Url::new_with_base(url, &page).map_err(|e| format!("?doc={url}: {}", js_error(e)))?;
    if resolved.origin() != location.origin().map_err(js_error)? {
        let why = AddressProblem::OtherOrigin { origin: resolved.origin() };
        return Err(refused(InputRefusal::Address { url: url.to_string(), why }));
    }
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::SameOrigin);
    let response = JsFuture::from(window().fetch_with_str_and_init(&resolved.href(), &init))
        .await
        .map_err(|e| could_not_fetch(lang, url, &js_error(e)))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(server_answered(lang, url, response.status()));
    }
    let declared =
        response.headers().get("content-length").ok().flatten().and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(length) = declared {
        check_size(url, length).map_err(refused)?;
    }
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk =
            JsFuture::from(reader.read()).await.map_err(|e| could_not_read(lang, url, &js_error(e)))?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done")).map_err(js_error)?;
        if done.as_bool().unwrap_or(true) {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")).map_err(js_error)?;
        let part: js_sys::Uint8Array = value.unchecked_into();
        if let Err(refusal) = check_size(url, bytes.len() as u64 + u64::from(part.length())) {
            let _ = reader.cancel();
            return Err(refused(refusal));
        }
        bytes.extend(part.to_vec());
    }
    Ok(bytes)
}
