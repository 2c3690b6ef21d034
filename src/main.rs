#[cfg(target_arch = "wasm32")]
fn main() {
    biaozhu::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("biaozhu is a browser app: build it with `trunk build --release` (see README.md)");
}
