"""Batches that one bad item does not stop: crons and mass actions of every ESS addon."""

import logging
from datetime import timedelta

from odoo import fields
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

_logger = logging.getLogger(__name__)


def _label(item):
    return f"{item._name}{item.ids}" if hasattr(item, "_name") else repr(item)


def run_batch(env, items, process, what, label=_label):
    """Run ``process(items)`` in a savepoint. When it fails, run it again one item at a
    time (``process(items[i:i + 1])``), each in its own savepoint: an item that fails is
    logged (ERROR, with ``label`` of its one-item slice: model and ids for records) and
    skipped, the others are done. ``items`` is a recordset or a list. Returns the items
    that failed (one-item slices), so that a caller marks only the others done and a
    second run retries only those.

    A concurrency error is not an item's fault: it is raised, for the caller's whole
    transaction to be retried (as Odoo's request and cron runners do)."""
    if not items:
        return []
    # The caller's own pending changes fail (or not) as the caller's, not as an item's.
    env.flush_all()
    try:
        _attempt(env, process, items)
        return []
    except Exception as error:  # pylint: disable=broad-except
        if isinstance(error, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY):
            raise
        if len(items) == 1:
            _logger.exception("%s: %s failed and was skipped", what, label(items))
            return [items]
        _logger.warning("%s: the batch of %s failed; trying them one by one", what, len(items))
    failed = []
    for index in range(len(items)):
        single = items[index : index + 1]
        try:
            _attempt(env, process, single)
        except Exception as error:  # pylint: disable=broad-except
            if isinstance(error, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY):
                raise
            _logger.exception("%s: %s failed and was skipped", what, label(single))
            failed.append(single)
    return failed


def _attempt(env, process, items):
    """``process(items)`` and the writes it leaves pending, in a savepoint; on failure the
    ORM forgets what the attempt wrote. Precommit hooks (tracking, bus) run at commit, as
    without a savepoint: an attempt rolled back leaves only hooks that find nothing to do."""
    try:
        with env.cr.savepoint(flush=False):
            process(items)
            env.flush_all()
    except Exception:
        env.transaction.clear()
        raise


def forget_after(model, field_name, days, what):
    """Retention: clear ``field_name`` (personal data: an address, what a visitor typed) on
    the records of ``model`` created more than ``days`` days ago, in batches (see
    :func:`run_batch`). Only the records holding a value are written."""
    limit = fields.Datetime.now() - timedelta(days=days)
    records = model.sudo().search([(field_name, "!=", False), ("create_date", "<", limit)])
    return run_batch(model.env, records, lambda batch: batch.write({field_name: False}), what)
