"""``storyline serve``: browse a store in a web browser (storyline.web, the ``web`` extra)."""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli.app import EXIT_NOTHING, app, print_error
from storyline.cli.options import DbOption

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on. Anything but loopback shares the "
                                                     "store with the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8001,
    allow_writes: Annotated[bool, typer.Option("--allow-writes", help="Keep computed dossiers in the store and "
                                                                     "offer 'recompute dossier' (read-only otherwise).")] = False,
) -> None:
    """Serve a local web UI over a store: stories, each story's findings, reports, outlets; every page
    also as JSON (add .json). Read-only unless --allow-writes.

    Example: storyline serve --db news.db --port 8001
    """
    try:
        import uvicorn

        from storyline.web import create_app
    except ImportError as exc:
        print_error(f"storyline serve needs the web extra ({exc.name} is missing): pip install 'storyline[web]'")
        raise typer.Exit(EXIT_NOTHING) from None
    from storyline.cli.stories_cmd import open_store

    with open_store(db) as store:  # a missing or foreign file: one line now, not an error per page
        path = store.path
    extra = [] if host in LOOPBACK_HOSTS or host in ("0.0.0.0", "::") else [host]
    if host not in LOOPBACK_HOSTS:
        print(f"storyline: warning: listening on {host}: anyone who can reach it can read the store",
              flush=True)
    mode = "writable" if allow_writes else "read-only"
    print(f"storyline: serving {path} ({mode}) at http://{'localhost' if host in LOOPBACK_HOSTS else host}:{port}/ "
          "(Ctrl-C stops)", flush=True)
    uvicorn.run(create_app(path, allow_writes=allow_writes, allowed_hosts=extra or None),
                host=host, port=port, log_level="warning", server_header=False)
