"""The `cqc` command: every command on the app from `cli.common`, in the order `cqc --help`
lists them. The commands live one group per module (runs, archive, query, parse, mirror,
search, peers); none imports another, and this is the one place that knows them all."""

from cli import archive, history, mirror, parse, peers, providers, query, runs, search
from cli.common import app

app.command()(runs.ingest)
app.command()(runs.reparse)
app.add_typer(providers.providers_app, name="providers")
app.add_typer(archive.archive_app, name="archive")
app.command()(query.sql)
app.command("refresh-benchmarks")(runs.refresh_benchmarks_command)
app.command()(query.compare)
app.command()(query.benchmark)
app.command()(query.export)
app.command()(query.report)
app.command()(parse.parse)
app.command()(mirror.mirror)
app.command()(runs.demo)
app.command()(search.search)
app.command()(peers.neighbours)
app.command()(peers.outcomes)
app.add_typer(history.history_app, name="history")

__all__ = ["app"]
