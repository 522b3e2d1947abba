#!/usr/bin/env python3
"""Summarises a CPU profile in collapsed-stack form (async-profiler's `collapsed` output with
`threads`), the way docs/performance.md quotes it: CPU by thread, then, for the samples of one
route, by library of the innermost frame and by our methods (callees included).

    python3 bench/collapsed.py PROFILE.collapsed [ROUTE_FRAME]

ROUTE_FRAME picks the request path (default: EmailConfirmationRoutes.request). How the profile is
recorded is in docs/performance.md, "Profiling with async-profiler".
"""
import collections
import re
import sys

LIBRARIES = [  # (frame substring, label), the first match from the innermost frame outwards wins
    ("org/h2/", "H2"), ("org/jdbi/", "JDBI"), ("com/zaxxer/", "HikariCP"),
    ("org/simplejavamail/", "mail"), ("org/eclipse/angus/", "mail"), ("jakarta/mail/", "mail"),
    ("org/eclipse/jetty/", "HTTP"), ("io/javalin/", "HTTP"), ("ch/qos/logback/", "logging"),
    ("org/slf4j/", "logging"), ("com/fasterxml/jackson/", "JSON"), ("com/auth0/", "JWT"),
    ("io/github/resilience4j/", "resilience4j"), ("io/micrometer/", "metrics"),
    ("dev/authbackbone/", "our code"),
]


def thread_of(frame):
    name = frame.strip("[]").split(" tid=")[0]
    return re.sub(r"[-#\s]*\d+$", "", name) or name


def library_of(frames):
    for frame in reversed(frames):
        if frame.endswith("_[k]"):
            return "kernel"
        for needle, label in LIBRARIES:
            if needle in frame:
                return label
    return "JDK / JVM"


def main(path, route):
    total = 0
    threads = collections.Counter()
    libraries = collections.Counter()
    ours = collections.Counter()
    in_route = 0
    with open(path) as profile:
        for line in profile:
            stack, count = line.rstrip("\n").rsplit(" ", 1)
            samples = int(count)
            frames = stack.split(";")
            total += samples
            threads[thread_of(frames[0])] += samples
            if not any(route in frame for frame in frames):
                continue
            in_route += samples
            libraries[library_of(frames)] += samples
            seen = set()
            for frame in frames:
                method = frame.rsplit("/", 1)[-1]
                if "dev/authbackbone/" in frame and "$$Lambda" not in frame and "lambda$" not in method \
                        and method not in seen:
                    seen.add(method)
                    ours[method] += samples
    if not total:
        sys.exit("no samples in " + path)
    print("%d samples; by thread:" % total)
    for name, samples in threads.most_common(8):
        print("  %5.1f %%  %s" % (100.0 * samples / total, name))
    if not in_route:
        sys.exit("no samples under " + route)
    print("%d samples under %s (%.1f %% of all); by library of the innermost frame:" % (
        in_route, route, 100.0 * in_route / total))
    for name, samples in libraries.most_common():
        print("  %5.1f %%  %s" % (100.0 * samples / in_route, name))
    print("our methods, callees included:")
    for name, samples in ours.most_common(30):
        print("  %5.1f %%  %s" % (100.0 * samples / in_route, name))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else "EmailConfirmationRoutes.request")
