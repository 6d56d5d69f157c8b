"""`quiz optimize [--reset] [--json]`: fit the scheduler to the learner's own reviews, or go back
to the default parameters."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime

from quiz.errors import QuizError
from quiz.optimize import MIN_REVIEWS, Fit, fit_parameters
from quiz.progress import ProgressStore, default_progress_path


def run_optimize(args: argparse.Namespace) -> int:
    """Fit, print the figures, and keep the parameters when they predict better; 0 on success.

    Raises:
        QuizError: no progress yet, too few reviews, or an unreadable progress file.
    """
    path = default_progress_path()
    if not path.exists():
        raise QuizError(
            f"no reviews yet: a fit needs {MIN_REVIEWS} reviews spaced a day or more apart; study first",
            path=path,
        )
    now = datetime.now(UTC)
    with ProgressStore.open(path) as store:
        if args.reset:
            store.set_scheduler_parameters(None, now=now, report={"reset": True})
            if args.json:
                print(json.dumps({"parameters": None, "reset": True}))
            else:
                print("Back to the default scheduler parameters for the next reviews.")
            return 0
        current = store.scheduler_parameters()
        fit = fit_parameters(store.reviews(), current=current)
        if fit.better:
            store.set_scheduler_parameters(fit.parameters, now=now, report=fit.report())
    if args.json:
        print(json.dumps({**fit.report(), "parameters": list(fit.parameters)}, indent=2))
    else:
        print(render_fit(fit, had_own=current is not None), end="")
    return 0


def render_fit(fit: Fit, *, had_own: bool) -> str:
    """The fit as a few lines of text: the data, the two scores, and what was kept."""
    held_out = f"{fit.test_reviews:,} spaced reviews of held-out cards"
    name = "your earlier parameters" if had_own else "default parameters"
    width = max(len(name), len("fitted parameters"))
    lines = [
        f"Fitted on {fit.train_reviews:,} spaced reviews ({fit.reviews:,} reviews of"
        f" {fit.cards:,} cards in all); scored on {held_out}.",
        f"  {'':{width}}  log loss    RMSE",
        f"  {name:{width}}  {fit.before.log_loss:8.4f}  {fit.before.rmse:6.2%}",
        f"  {'fitted parameters':{width}}  {fit.after.log_loss:8.4f}  {fit.after.rmse:6.2%}",
    ]
    if fit.better:
        lines.append(
            "Saved: reviews are scheduled with the fitted parameters from now on"
            " (`quiz optimize --reset` goes back to the defaults)."
        )
    else:
        kept = "your earlier parameters" if had_own else "the defaults"
        lines.append(f"Not saved: the fit predicts the held-out reviews no better; {kept} stay.")
    return "\n".join(lines) + "\n"
