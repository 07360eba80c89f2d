// Shared by the hostile pages: a heartbeat that proves the page keeps working.
window.__heartbeat = 0;
setInterval(() => window.__heartbeat++, 50);
