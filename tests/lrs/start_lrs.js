// Starts npm xapi-statements bound to 127.0.0.1 only: the service calls listen(port) with no
// host, which would open the port on every interface.
const http = require("http");
const path = require("path");

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === "number" || typeof port === "string") {
    const callback = rest.find((arg) => typeof arg === "function");
    return listen.call(this, Number(port), "127.0.0.1", callback);
  }
  return listen.call(this, port, ...rest);
};

require(path.join(process.argv[2], "dist", "index.js"));
