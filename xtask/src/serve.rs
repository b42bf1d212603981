//! A tiny static server for `cargo xtask run`, bound to 127.0.0.1 only.

use anyhow::Result;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// Serves `dir` until interrupted.
pub fn serve(dir: &Path, port: u16) -> Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    println!("\nSLC Courier (hosted build): http://127.0.0.1:{port}/");
    println!(
        "Single file (open from disk): {}",
        dir.join(crate::dist::SINGLE_FILE).canonicalize()?.display()
    );
    println!("Press Ctrl+C to stop.");
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let mut line = String::new();
        if BufReader::new(&stream).read_line(&mut line).is_err() {
            continue;
        }
        let raw = line.split_whitespace().nth(1).unwrap_or("/");
        let rel = raw.split('?').next().unwrap_or("/").trim_start_matches('/');
        let rel = if rel.is_empty() { "index.html" } else { rel };
        let path = dir.join(rel);
        let safe = !rel.split('/').any(|c| c == ".." || c.is_empty());
        let (status, body, ct) = match (safe, std::fs::read(&path)) {
            (true, Ok(b)) => ("200 OK", b, content_type(&path)),
            _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        };
        let head = format!("HTTP/1.1 {status}\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n", body.len());
        let _ = stream
            .write_all(head.as_bytes())
            .and_then(|_| stream.write_all(&body));
    }
    Ok(())
}
