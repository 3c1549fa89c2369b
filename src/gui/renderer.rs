//! Which renderer draws the window. OpenGL (glow) first: it starts fastest and uses the least
//! memory (README, "Benchmarks"). When it cannot draw (a machine with only OpenGL 1.1: a remote
//! desktop session or a virtual machine without a GPU driver, Windows Server; no OpenGL at all)
//! the window opens with wgpu instead, trying Vulkan, then Direct3D 12 (which has a software
//! renderer of its own, WARP) on Windows, or Metal on macOS, one after the other in the same
//! process (eframe keeps its event loop for that). `MAILTESTER_RENDERER=glow`, `vulkan`, `dx12`
//! or `metal` forces one.

use std::fmt;

/// The environment variable that forces a renderer.
pub const RENDERER_ENV: &str = "MAILTESTER_RENDERER";

/// One way to draw the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// OpenGL 2 or later, through glow.
    OpenGl,
    /// wgpu on Vulkan.
    Vulkan,
    /// wgpu on Direct3D 12 (Windows).
    Direct3D12,
    /// wgpu on Metal (macOS).
    Metal,
}

impl Renderer {
    /// The order they are tried in on this system.
    pub const ORDER: &[Self] = if cfg!(windows) {
        &[Self::OpenGl, Self::Vulkan, Self::Direct3D12]
    } else if cfg!(target_os = "macos") {
        &[Self::OpenGl, Self::Metal]
    } else {
        &[Self::OpenGl, Self::Vulkan]
    };

    /// The one named by [`RENDERER_ENV`], if any.
    fn forced() -> Option<Self> {
        match std::env::var(RENDERER_ENV)
            .ok()?
            .to_ascii_lowercase()
            .as_str()
        {
            "glow" | "opengl" | "gl" => Some(Self::OpenGl),
            "vulkan" => Some(Self::Vulkan),
            "dx12" | "d3d12" | "direct3d12" => Some(Self::Direct3D12),
            "metal" => Some(Self::Metal),
            _ => None,
        }
    }

    /// The eframe renderer, and for wgpu the one backend it may use.
    pub fn eframe(self) -> (eframe::Renderer, Option<wgpu::Backends>) {
        match self {
            Self::OpenGl => (eframe::Renderer::Glow, None),
            Self::Vulkan => (eframe::Renderer::Wgpu, Some(wgpu::Backends::VULKAN)),
            Self::Direct3D12 => (eframe::Renderer::Wgpu, Some(wgpu::Backends::DX12)),
            Self::Metal => (eframe::Renderer::Wgpu, Some(wgpu::Backends::METAL)),
        }
    }
}

impl fmt::Display for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::OpenGl => "OpenGL",
            Self::Vulkan => "Vulkan",
            Self::Direct3D12 => "Direct3D 12",
            Self::Metal => "Metal",
        })
    }
}

/// The window could not open with any renderer (no display, no usable graphics at all).
#[derive(Debug)]
pub struct WindowError {
    /// Each renderer tried, with why it failed.
    pub tried: Vec<(Renderer, eframe::Error)>,
}

/// In English, whole sentences (the command line translates what it prints).
impl fmt::Display for WindowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reasons = self
            .tried
            .iter()
            .map(|(renderer, err)| format!("{renderer}: {err}"))
            .collect::<Vec<_>>()
            .join("; ");
        let text = crate::en!(
            "the window could not open: this computer's graphics could not draw it ({reasons}).",
            reasons = reasons
        );
        f.write_str(&text)?;
        if self.tried.len() > 1 {
            let hint = crate::en!(
                "On a remote desktop or a virtual machine, installing its display driver usually \
                 helps"
            );
            write!(f, " {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for WindowError {}

/// Runs the window with `open(renderer)`, trying each of [`Renderer::ORDER`] until one works
/// (or only the one [`RENDERER_ENV`] names).
pub fn open_with_fallback(
    mut open: impl FnMut(Renderer) -> Result<(), eframe::Error>,
) -> Result<(), WindowError> {
    let order = Renderer::forced().map_or(Renderer::ORDER.to_vec(), |forced| vec![forced]);
    let mut tried = Vec::new();
    for renderer in order {
        if let Some((previous, err)) = tried.last() {
            eprintln!("note: {previous} could not draw the window ({err}); trying {renderer}.");
        }
        match open(renderer) {
            Ok(()) => return Ok(()),
            Err(err) => tried.push((renderer, err)),
        }
    }
    Err(WindowError { tried })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opengl_comes_first_and_every_fallback_is_tried_in_order() {
        let mut seen = Vec::new();
        let result = open_with_fallback(|renderer| {
            seen.push(renderer);
            if renderer == *Renderer::ORDER.last().unwrap_or(&Renderer::OpenGl) {
                Ok(())
            } else {
                Err(eframe::Error::AppCreation("no".into()))
            }
        });
        assert!(result.is_ok());
        assert_eq!(seen, Renderer::ORDER);
    }

    #[test]
    fn when_nothing_draws_every_reason_is_named() {
        let err = open_with_fallback(|_| Err(eframe::Error::AppCreation("no adapter".into())))
            .unwrap_err();
        assert_eq!(err.tried.len(), Renderer::ORDER.len());
        let message = err.to_string();
        assert!(
            message.starts_with("the window could not open"),
            "{message}"
        );
        assert!(message.contains("OpenGL: "), "{message}");
        assert!(message.contains("display driver"), "{message}");
    }
}
