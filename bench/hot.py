"""Reads a JFR recording and prints where the CPU went: the hottest methods by own time and by
inclusive time, from jdk.ExecutionSample (Java code) and jdk.NativeMethodSample.
Usage: hot.py RECORDING.jfr [N] [FILTER]  |  hot.py --groups RECORDING.jfr   (FILTER keeps only samples whose stack holds that text)"""
import collections
import re
import subprocess
import sys


def samples(jfr, event):
    text = subprocess.run(["jfr", "print", "--events", event, jfr], capture_output=True, text=True).stdout
    for chunk in text.split(event + " {")[1:]:
        yield re.findall(r"^\s+([\w$.<>/]+)\(.*?\)\s+line:", chunk, re.M)


def main(argv):
    jfr = argv[0]
    n = int(argv[1]) if len(argv) > 1 else 30
    flt = argv[2] if len(argv) > 2 else None
    stacks = [s for s in samples(jfr, "jdk.ExecutionSample") if s and (flt is None or any(flt in f for f in s))]
    own, incl = collections.Counter(), collections.Counter()
    for frames in stacks:
        own[frames[0]] += 1
        for f in set(frames):
            incl[f] += 1
    total = len(stacks) or 1
    print("%d Java execution samples%s" % (len(stacks), "" if flt is None else " containing " + flt))
    print("-- own time")
    for k, v in own.most_common(n):
        print("%5.1f%%  %s" % (100 * v / total, k))
    print("-- inclusive time")
    for k, v in incl.most_common(n):
        print("%5.1f%%  %s" % (100 * v / total, k))




GROUPS = [
    ("H2 database engine", "org.h2."),
    ("JDBI (binding, attach, mapping)", "org.jdbi."),
    ("HikariCP", "com.zaxxer."),
    ("mail: simplejavamail, Jakarta Mail, Angus", ("org.simplejavamail.", "jakarta.mail.", "org.eclipse.angus.")),
    ("HTTP: Jetty, Javalin", ("org.eclipse.jetty.", "io.javalin.")),
    ("JSON: Jackson", "com.fasterxml."),
    ("JWT: java-jwt", "com.auth0."),
    ("crypto: SecureRandom, SHA, HMAC", ("sun.security.", "java.security.", "javax.crypto.", "com.sun.crypto.")),
    ("logging", ("ch.qos.logback.", "org.slf4j.")),
    ("our code (dev.authbackbone)", "dev.authbackbone."),
]


def groups(jfr):
    """Share of samples per library: a sample counts for the outermost group on its stack that is
    not our own code, so nested libraries (JDBI calling H2) go to the caller-most library."""
    stacks = [s for s in samples(jfr, "jdk.ExecutionSample") if s]
    counts = collections.Counter()
    for frames in stacks:
        hit = None
        for f in frames:  # innermost first: the last library seen is the outermost
            for name, prefix in GROUPS[:-1]:
                if f.startswith(prefix):
                    hit = name
        counts[hit or "JDK / other"] += 1
    total = len(stacks) or 1
    print("%d samples by outermost library" % len(stacks))
    for k, v in counts.most_common():
        print("%5.1f%%  %s" % (100 * v / total, k))


if __name__ == "__main__":
    if sys.argv[1] == "--groups":
        groups(sys.argv[2])
    else:
        sys.exit(main(sys.argv[1:]))
