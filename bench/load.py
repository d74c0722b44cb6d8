"""A bounded load on one address: wrk when it is installed, else a Python load generator.

Both keep `connections` keep-alive connections busy for `seconds` and report
requests/s, p50 and p99 latency in milliseconds, and how many answers were not 2xx/3xx.
Every request says it takes gzip, as every browser does, so compressed pages and static
files are measured as visitors get them.
"""

import http.client
import re
import shutil
import subprocess
import threading
import time
import urllib.parse
import urllib.request

WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br"}


def measure(url, seconds, connections=4):
    if shutil.which("wrk"):
        return measure_with_wrk(url, seconds, connections)
    return measure_with_python(url, seconds, connections)


def measure_with_wrk(url, seconds, connections):
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url]
        + [argument for name, value in BROWSER_HEADERS.items() for argument in ("-H", f"{name}: {value}")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: .*", output)
    return {
        "tool": f"wrk -t1 -c{connections} -d{seconds}s",
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": wrk_latency(output, "50%"),
        "p99_ms": wrk_latency(output, "99%"),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(0) if socket_errors else "",
    }


def wrk_latency(output, percentile):
    value, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE).groups()
    return float(value) * WRK_UNITS[unit]


def measure_with_python(url, seconds, connections):
    address = urllib.parse.urlsplit(url)
    path = address.path + (f"?{address.query}" if address.query else "")
    latencies, errors = [], []
    deadline = time.perf_counter() + seconds

    def client():
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection.request("GET", path, headers=BROWSER_HEADERS)
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status >= 400:
                errors.append(response.status)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "tool": f"Python load generator, {connections} connections, {seconds}s",
        "requests_per_second": len(latencies) / elapsed,
        "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
        "errors": len(errors),
        "socket_errors": "",
    }


def percentile(sorted_values, rank):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, round(rank / 100 * (len(sorted_values) - 1)))]


def body_size(url):
    """How many bytes the body of one answer takes on the wire, asked for as a browser asks."""
    request = urllib.request.Request(url, headers=BROWSER_HEADERS)
    with urllib.request.urlopen(request) as response:  # urllib leaves a compressed body as it is
        return len(response.read())
