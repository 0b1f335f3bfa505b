//! Who may use the desk. A web page open in the editor's browser can send
//! requests to `serve` (it knows the port), and a DNS name an attacker
//! controls can be pointed at 127.0.0.1 (DNS rebinding): so every request
//! must name this server in `Host` (`localhost` or an IP address, with its
//! port: never a DNS name, which is what rebinding needs), every write must
//! come from this origin (`Origin`) and carry the session's token, which only
//! the desk's own page holds. When `serve` listens beyond loopback, the
//! desk also needs the secret the terminal printed, once per browser
//! (a cookie).

use axum::http::HeaderMap;
use std::net::IpAddr;

/// The header a write carries the session's token in.
pub const TOKEN_HEADER: &str = "x-polybook-token";
/// The cookie that says a browser gave the secret.
pub const COOKIE: &str = "polybook-desk";

/// The session's keys; made fresh each time `serve` starts.
#[derive(Debug, Clone)]
pub struct Guard {
    port: u16,
    /// Sent with the desk's page; every write must return it.
    pub token: String,
    /// Asked for once when `serve` listens beyond loopback.
    pub secret: Option<String>,
    /// The cookie's value once the secret was given.
    pass: String,
}

/// A random key of `bytes` bytes, in hex.
pub fn random_key(bytes: usize) -> std::io::Result<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(std::io::Error::other)?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

impl Guard {
    pub fn new(port: u16, needs_secret: bool) -> std::io::Result<Guard> {
        Ok(Guard {
            port,
            token: random_key(32)?,
            secret: needs_secret.then(|| random_key(12)).transpose()?,
            pass: random_key(32)?,
        })
    }

    /// The cookie to set once the secret was given.
    pub fn pass_cookie(&self) -> String {
        format!(
            "{COOKIE}={}; Path=/__polybook/; HttpOnly; SameSite=Strict",
            self.pass
        )
    }

    /// Whether `given` is the secret (always, when there is none).
    pub fn secret_matches(&self, given: &str) -> bool {
        self.secret
            .as_ref()
            .is_none_or(|s| same(s.as_bytes(), given.trim().as_bytes()))
    }

    /// May this request read the desk (its page, a page's source)?
    pub fn check_read(&self, headers: &HeaderMap) -> Result<(), String> {
        let host = header(headers, "host").ok_or("the request names no Host")?;
        if !self.host_is_this_server(host) {
            return Err(format!(
                "Host `{host}` is not this server: open the desk at localhost or an IP address, port {}",
                self.port
            ));
        }
        if self.secret.is_some() && !self.has_pass(headers) {
            return Err("this desk needs the secret printed where `polybook serve` runs".into());
        }
        Ok(())
    }

    /// May this request write? Reading rules, plus same origin and the token.
    pub fn check_write(&self, headers: &HeaderMap) -> Result<(), String> {
        self.check_read(headers)?;
        self.check_origin(headers)?;
        let token = header(headers, TOKEN_HEADER).unwrap_or_default();
        if !same(token.as_bytes(), self.token.as_bytes()) {
            return Err("the request lacks this session's token: reload the desk".into());
        }
        Ok(())
    }

    /// `Origin` is this server as the `Host` names it; a browser sends it
    /// with every POST, and a page of another site cannot forge it.
    pub fn check_origin(&self, headers: &HeaderMap) -> Result<(), String> {
        let host = header(headers, "host").unwrap_or_default();
        let origin = header(headers, "origin").ok_or("the request has no Origin")?;
        if origin != format!("http://{host}") {
            return Err(format!("a request from `{origin}` may not write here"));
        }
        if header(headers, "sec-fetch-site").is_some_and(|s| s != "same-origin") {
            return Err("a request from another site may not write here".into());
        }
        Ok(())
    }

    fn has_pass(&self, headers: &HeaderMap) -> bool {
        headers
            .get_all("cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().split_once('='))
            .any(|(name, value)| name == COOKIE && same(value.as_bytes(), self.pass.as_bytes()))
    }

    /// `localhost:PORT` or `IP:PORT` (`[::1]:PORT`), with this server's port.
    fn host_is_this_server(&self, host: &str) -> bool {
        let Some((name, port)) = host.rsplit_once(':') else {
            return false;
        };
        if port.parse::<u16>() != Ok(self.port) {
            return false;
        }
        let name = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(name);
        name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok()
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Compares in time that does not depend on where the inputs differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn writes_need_this_host_this_origin_and_the_token() {
        let guard = Guard::new(4000, false).unwrap();
        let token = guard.token.clone();
        let good = [
            ("host", "127.0.0.1:4000"),
            ("origin", "http://127.0.0.1:4000"),
            (TOKEN_HEADER, token.as_str()),
        ];
        assert_eq!(guard.check_write(&headers(&good)), Ok(()));
        let mut cases: Vec<Vec<(&'static str, &str)>> = vec![
            vec![
                ("host", "evil.example:4000"),
                ("origin", "http://evil.example:4000"),
            ],
            vec![
                ("host", "127.0.0.1:4001"),
                ("origin", "http://127.0.0.1:4001"),
            ],
            vec![
                ("host", "127.0.0.1:4000"),
                ("origin", "http://evil.example"),
            ],
            vec![("host", "127.0.0.1:4000")],
            vec![("host", "127.0.0.1:4000"), ("origin", "null")],
        ];
        for case in &mut cases {
            case.push((TOKEN_HEADER, token.as_str()));
        }
        cases.push(good[..2].to_vec());
        cases.push(vec![good[0], good[1], (TOKEN_HEADER, "0000")]);
        cases.push(vec![
            good[0],
            good[1],
            good[2],
            ("sec-fetch-site", "cross-site"),
        ]);
        for case in cases {
            assert!(guard.check_write(&headers(&case)).is_err(), "{case:?}");
        }
        let v6 = [
            ("host", "[::1]:4000"),
            ("origin", "http://[::1]:4000"),
            (TOKEN_HEADER, &token),
        ];
        assert_eq!(guard.check_write(&headers(&v6)), Ok(()));
    }

    #[test]
    fn beyond_loopback_the_secret_s_cookie_is_needed() {
        let guard = Guard::new(4000, true).unwrap();
        let host = ("host", "192.0.2.7:4000");
        assert!(guard.check_read(&headers(&[host])).is_err());
        let cookie = guard.pass_cookie();
        let value = cookie.split(';').next().unwrap();
        assert_eq!(
            guard.check_read(&headers(&[host, ("cookie", value)])),
            Ok(())
        );
        assert!(guard.secret_matches(guard.secret.as_deref().unwrap()));
        assert!(!guard.secret_matches("guess"));
    }
}
