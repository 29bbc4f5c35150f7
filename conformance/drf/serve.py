"""Starts the conformance server on 127.0.0.1 with a fresh SQLite database (its records, and
the books of ../books.json for the cursor-paged endpoint, 100 authors and 1,000 novels).

Usage: serve.py PORT. Prints "READY <port> <token>" once the server answers, and stops
the server when its standard input closes, so that it never outlives the test run.
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
BOOKS = os.path.join(HERE, "..", "books.json")


def main():
    port = int(sys.argv[1])
    workdir = tempfile.mkdtemp(prefix="drf-conformance-")
    env = dict(os.environ, DRF_CONFORMANCE_DB=os.path.join(workdir, "db.sqlite3"),
               DJANGO_SETTINGS_MODULE="drfserver.settings", PYTHONPATH=HERE)
    sys.path.insert(0, HERE)
    os.environ.update(env)
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", run_syncdb=True, verbosity=0)
    from django.contrib.auth.models import User as Account
    from rest_framework.authtoken.models import Token
    from drfserver.models import Author, Book, Novel, Record, Tag
    account = Account.objects.create_user("conformance")
    token = Token.objects.create(user=account).key
    Record.objects.bulk_create(Record(seq=i, label="record-%05d" % i) for i in range(10000))
    with open(BOOKS, encoding="utf-8") as books:
        Book.objects.bulk_create(Book(**book) for book in json.load(books))
    # 100 authors (even ids from PT, odd from BR) and 1,000 novels, novel n by author n % 100 + 1.
    Author.objects.bulk_create(Author(id=i, name="Author %03d" % i, country="PT" if i % 2 == 0 else "BR")
                               for i in range(1, 101))
    Novel.objects.bulk_create(Novel(id=n + 1, title="Novel %04d" % n, author_id=n % 100 + 1) for n in range(1000))
    # 10 tags; novel n (id n + 1) is tagged n % 10 + 1 and (n + 3) % 10 + 1.
    Tag.objects.bulk_create(Tag(id=i, name="tag-%02d" % i) for i in range(1, 11))
    Novel.tags.through.objects.bulk_create(Novel.tags.through(novel_id=n + 1, tag_id=(n + k) % 10 + 1)
                                           for n in range(1000) for k in (0, 3))

    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:%d" % port, "--workers", "2",
         "--threads", "4", "--log-level", "warning", "drfserver.wsgi"], cwd=HERE, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/api/v1/" % port, timeout=1)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            if server.poll() is not None:
                sys.exit("gunicorn exited with %s" % server.returncode)
            time.sleep(0.2)
    print("READY %d %s" % (port, token), flush=True)

    def stop_when_stdin_closes():
        sys.stdin.read()
        server.terminate()

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    server.wait()


if __name__ == "__main__":
    main()
