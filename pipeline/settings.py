"""Run configuration, from arguments or `CQC_*` environment variables.

The base URL is always configurable: tests and the demo point it at the offline mirror.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from extract.http import DEFAULT_USER_AGENT, LIVE_BASE_URL

LISTING_PATH = "/care-services/local-authority-assessment-reports"
# The page that links CQC's monthly provider files (active locations, latest ratings).
PROVIDER_FILES_PATH = "/about-us/transparency/using-cqc-data"


class Settings(BaseSettings):
    """Where to read from and write to. Env: CQC_BASE_URL, CQC_DB, CQC_ARCHIVE, ..."""

    model_config = SettingsConfigDict(env_prefix="CQC_", extra="ignore")

    base_url: str = LIVE_BASE_URL
    db: Path = Path("data/cqc.duckdb")
    archive: Path = Path("data/raw")
    timeout_s: float = Field(default=30.0, gt=0, description="per read of a response")
    request_deadline_s: float = Field(
        default=120.0, gt=0, description="wall-clock bound on one request, however it drips"
    )
    retries: int = Field(default=4, ge=1, description="attempts per request, transient errors")
    max_retry_after_s: float = Field(
        default=30.0, ge=0, description="a Retry-After above this stops the run"
    )
    max_crawl_delay_s: float = Field(
        default=60.0, ge=0, description="a robots.txt Crawl-delay above this stops the run"
    )
    run_deadline_s: float = Field(
        default=6 * 3600.0,
        gt=0,
        description="after this long a run fetches no further report (the rest: next run)",
    )
    user_agent: str = DEFAULT_USER_AGENT
    max_reports: int | None = Field(default=None, ge=1, description="stop after N reports")
    min_interval_s: float = Field(
        default=1.0, ge=0, description="minimum gap between requests (robots Crawl-delay wins)"
    )
    obey_robots: bool = True
    full: bool = Field(default=False, description="revalidate every held report this run")
    revalidate_cycle: int = Field(
        default=7, ge=1, description="held reports are all revalidated once every N runs"
    )
    lock_wait_s: float = Field(
        default=900.0,
        ge=0,
        description="how long a run waits for the warehouse while another run writes it",
    )
    pdfs: bool = Field(default=True, description="fetch, archive and parse each report's PDF")
    pdf_time_limit_s: float = Field(
        default=60.0, gt=0, description="a PDF's parse is stopped after this long"
    )
    pdf_memory_limit_mb: int = Field(
        default=2048, ge=256, description="address space of the process parsing PDFs"
    )
    api_base_url: str = Field(
        default="https://api.service.cqc.org.uk/public/v1",
        description="CQC's Syndication API (cqc providers ingest --api; key in CQC_API_KEY)",
    )
    provider_file_max_mb: int = Field(
        default=300, ge=1, description="largest provider file fetched (CQC's are about 20 MB)"
    )

    def with_overrides(self, **overrides: object) -> Settings:
        """These settings with every override that is not None applied (CLI options, flow
        parameters: None means "not given", so the environment or default stands)."""
        return self.model_copy(
            update={key: value for key, value in overrides.items() if value is not None}
        )
