"""Median latency of /catalogue (first page, one facet, a search) against Odoo's own /blog
listing, with N published resources and N published blog posts, served by one Odoo process
of a throw-away database; and of ESSBot's answer to the same search, typed at its menu in a
live chat session (the /chatbot/step/trigger request that answers it):

    tools/ess bench-catalogue [--count N] [--runs R] [--keep]

Run by ``tools/ess`` inside the project's virtualenv, once PostgreSQL is up; the database
and the server come from essdev's helpers, the resources and posts from
benchmark_catalogue_fill.py, run in Odoo's shell. Settings: ``ESS_BENCH_DB`` (default
ess_bench_catalogue) and ``ESS_BENCH_PORT`` (default 8273).
"""

import argparse
import contextlib
import http.cookiejar
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import essdev

DB = os.environ.get("ESS_BENCH_DB", "ess_bench_catalogue")
PORT = int(os.environ.get("ESS_BENCH_PORT", "8273"))
ADDONS = ["ess_catalogue", "ess_bot", "website_blog"]
SEARCH = "Recurs 123"


def fill(db, count, keep):
    """Install the catalogue and the blog in ``db`` (or update the catalogue in a database
    kept by an earlier --keep run) and add ``count`` resources and posts: (resources,
    posts, a dimension to filter on)."""
    reuse = keep and essdev.db_exists(db)
    if reuse:
        # A database kept by an earlier --keep run: only the catalogue's code is updated.
        returncode, lines = essdev.run_odoo(db, "--update=ess_catalogue,ess_bot", "--stop-after-init")
    else:
        essdev.new_database(db, ADDONS)
        returncode, lines = essdev.run_odoo(db, f"--init={','.join(ADDONS)}", "--stop-after-init")
    if returncode or essdev.any_errors(lines):
        sys.exit("[ess] installing the catalogue and the blog for the benchmark failed")
    os.environ["ESS_BENCH_COUNT"] = "0" if reuse else str(count)
    script = (essdev.REPO / "tools" / "benchmark_catalogue_fill.py").read_text()
    _returncode, lines = essdev.run_odoo(db, "--log-level=warn", subcommand="shell", stdin=script)
    filled = next((line for line in lines if line.startswith("filled ")), None)
    if not filled:
        sys.exit("[ess] filling the benchmark database failed:\n" + "\n".join(lines[-20:]))
    return int(filled.split()[1]), int(filled.split()[2]), filled.split("dimension=")[1]


def median_latencies(base, urls, runs):
    """{label: median seconds of ``runs`` requests of its URL, after three to warm up}."""
    medians = {}
    for label, url in urls.items():
        for _warm_up in range(3):
            urllib.request.urlopen(base + url, timeout=60).read()
        timings = []
        for _run in range(runs):
            start = time.perf_counter()
            urllib.request.urlopen(base + url, timeout=60).read()
            timings.append(time.perf_counter() - start)
        medians[label] = statistics.median(timings)
    return medians


def rpc(opener, base, route, params):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
    request = urllib.request.Request(base + route, body, {"Content-Type": "application/json"})
    answer = json.loads(opener.open(request, timeout=60).read())
    if "error" in answer:
        sys.exit(f"[ess] {route}: {answer['error']}")
    return answer.get("result")


def bot_latency(base, db, runs):
    """Median seconds of ESSBot's answer to SEARCH typed at its menu, after three to warm up:
    a visitor's live chat session (its guest cookie), the text posted, then the request that
    makes ESSBot answer, timed; and of the next one, which brings the menu back (a step of
    Odoo's own, the live chat's cost of any answer)."""
    with essdev.connect(db) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT res_id FROM ir_model_data WHERE module = 'ess_bot' "
            "AND name IN ('ess_bot_livechat_channel', 'ess_bot_script') ORDER BY name"
        )
        channel_id, script_id = (row[0] for row in cr.fetchall())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    session = rpc(opener, base, "/im_livechat/get_session",
                  {"anonymous_name": "Bench", "channel_id": channel_id, "chatbot_script_id": script_id})  # fmt: skip
    thread_id = session["discuss.channel"][0]["id"]
    timings, menu_timings = [], []
    for run in range(runs + 3):
        rpc(opener, base, "/mail/message/post", {"thread_model": "discuss.channel", "thread_id": thread_id,
                                                 "post_data": {"body": SEARCH, "message_type": "comment",
                                                               "subtype_xmlid": "mail.mt_comment"}})  # fmt: skip
        start = time.perf_counter()
        answer = rpc(
            opener, base, "/chatbot/step/trigger", {"channel_id": thread_id, "chatbot_script_id": script_id}
        )
        if run >= 3:
            timings.append(time.perf_counter() - start)
        if SEARCH not in json.dumps(answer, ensure_ascii=False) and "/catalogue/" not in json.dumps(answer):
            sys.exit(
                f"[ess] ESSBot did not answer the search: {json.dumps(answer, ensure_ascii=False)[:3000]}"
            )
        start = time.perf_counter()
        rpc(opener, base, "/chatbot/step/trigger", {"channel_id": thread_id, "chatbot_script_id": script_id})
        if run >= 3:
            menu_timings.append(time.perf_counter() - start)
    return statistics.median(timings), statistics.median(menu_timings)


def main():
    parser = argparse.ArgumentParser(
        prog="tools/ess bench-catalogue",
        description="median latency of /catalogue against /blog with N resources and N posts",
    )
    parser.add_argument("--count", type=int, default=10_000, help="resources and blog posts (default 10,000)")
    parser.add_argument("--runs", type=int, default=15, help="measured requests per page (default 15)")
    parser.add_argument(
        "--keep", action="store_true", help="keep the filled database, and reuse it when it exists"
    )
    args = parser.parse_args()
    os.environ["ESS_QUIET"] = "1"
    count, posts, dimension = fill(DB, args.count, args.keep)
    server = subprocess.Popen(
        essdev.odoo_command(DB, "--log-level=warn", http_port=PORT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _attempt in range(120):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{base}/web/login", timeout=5).read()
                break
            time.sleep(1)
        urls = {
            "/catalogue": "/catalogue",
            "/catalogue, one facet": f"/catalogue?dimension={dimension}",
            "/catalogue, a search": f"/catalogue?search={urllib.parse.quote(SEARCH)}",
            "/blog": "/blog",
        }
        medians = median_latencies(base, urls, args.runs)
        print(
            f"[ess] {count} published resources and {posts} blog posts, median of {args.runs} warm requests:"
        )
        medians["ESSBot, the same search"], medians["ESSBot, its menu again"] = bot_latency(
            base, DB, args.runs
        )
        for label, median in medians.items():
            print(f"  {label:<24} {1000 * median:7.1f} ms   {median / medians['/blog']:.2f} x /blog")
    finally:
        server.terminate()
        server.wait()
        if not args.keep:
            essdev.drop_db(DB)


if __name__ == "__main__":
    main()
