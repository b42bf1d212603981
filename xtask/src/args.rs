//! Strict command-line arguments: every flag and option must be known to the command that
//! reads it, and anything left over is an error (rust-analyzer's `args.finish()?` habit), so a
//! typo such as `gen-testdata --chek` stops instead of running the writer.

use anyhow::{bail, Context, Result};

/// The arguments after the command name, consumed as they are read.
pub struct Args {
    rest: Vec<Option<String>>,
}

impl Args {
    /// Wraps the arguments after the command.
    pub fn new(rest: Vec<String>) -> Args {
        Args {
            rest: rest.into_iter().map(Some).collect(),
        }
    }

    /// True when `--name` is present (consumed).
    pub fn flag(&mut self, name: &str) -> bool {
        let mut found = false;
        for a in &mut self.rest {
            if a.as_deref() == Some(name) {
                *a = None;
                found = true;
            }
        }
        found
    }

    /// The value after `--name`, parsed; `None` when absent. A missing value is an error.
    pub fn option<T: std::str::FromStr>(&mut self, name: &str) -> Result<Option<T>>
    where
        T::Err: std::error::Error + Send + Sync + 'static,
    {
        let Some(i) = self.rest.iter().position(|a| a.as_deref() == Some(name)) else {
            return Ok(None);
        };
        let value = self
            .rest
            .get_mut(i + 1)
            .and_then(Option::take)
            .with_context(|| format!("{name} needs a value"))?;
        if let Some(a) = self.rest.get_mut(i) {
            *a = None;
        }
        let parsed = value
            .parse()
            .with_context(|| format!("{name} {value}: not a valid value"))?;
        Ok(Some(parsed))
    }

    /// Fails when any argument was not read.
    pub fn finish(self) -> Result<()> {
        let left: Vec<String> = self.rest.into_iter().flatten().collect();
        if !left.is_empty() {
            bail!("unknown argument(s): {}", left.join(" "));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Args {
        Args::new(s.iter().map(|x| x.to_string()).collect())
    }

    #[test]
    fn a_typo_is_an_error() {
        let mut a = args(&["--chek"]);
        assert!(!a.flag("--check"));
        assert_eq!(
            a.finish().map_err(|e| e.to_string()).err().as_deref(),
            Some("unknown argument(s): --chek")
        );
    }

    #[test]
    fn flags_and_options_are_consumed() {
        let mut a = args(&["--port", "9000", "--check"]);
        assert_eq!(a.option::<u16>("--port").unwrap(), Some(9000));
        assert!(a.flag("--check"));
        assert!(a.finish().is_ok());
        let mut a = args(&["--port"]);
        assert!(a.option::<u16>("--port").is_err());
        let mut a = args(&["--port", "x"]);
        assert!(a.option::<u16>("--port").is_err());
    }
}
