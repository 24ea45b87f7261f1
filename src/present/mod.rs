//! Presentation logic in plain Rust: what the view shows, computed from engine results.
//! Nothing here touches the DOM, so it is tested natively like the engine.

pub mod action;
pub mod adr;
pub mod compare;
pub mod first_screen;
pub mod focus;
pub mod frame;
pub mod map_view;
pub mod markup;
pub mod outcome;
pub mod path_view;
pub mod question_view;
pub mod restore;
pub mod result_view;
pub mod shell;
pub mod tabs;
pub mod text;
pub mod tree_layout;
pub mod verdict;
