//! The standalone page's entry point: it only mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    backend_chooser::ui::mount_standalone();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("backend-chooser is a browser widget: build it with `make serve`.");
}
