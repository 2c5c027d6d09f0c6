"""How a run that had to stop ends in Prefect: a Failed state with the reason alone.

A warehouse held by another process (a schedule collision) or a reason to stop the run (an
archive that cannot be written, a site asking for more patience than allowed, a site whose
pages changed under the parser) is not a crash, so it gets no traceback.
"""

from __future__ import annotations

from prefect import State
from prefect.states import Failed

from pipeline.run import RUN_STOPS, run_logger

STOPS_A_RUN = RUN_STOPS


def stopped(exc: Exception) -> State[None]:
    """The Failed state a flow returns for a run that had to stop, the reason in the log."""
    run_logger().error("%s", exc)
    return Failed(message=str(exc))
