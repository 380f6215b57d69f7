// Two frames after load the page is painted; report it like Liaison reports its first data.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("mark_first_data")));
