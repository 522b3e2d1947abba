// Starts Swagger UI on this server's own OpenAPI document. A file, not an inline script, so the
// page's Content-Security-Policy can allow scripts from this server only.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // The default validator badge would call a public service; nothing leaves this server.
    validatorUrl: null
  });
});
