from celery import Task, shared_task

from backend.outbox.services import outbox_process, outbox_sweep


class OutboxRetry(Exception):
    """Some handlers failed with a transient error; the task is retried."""


@shared_task(bind=True, name="outbox.process", acks_late=True, max_retries=3)  # type: ignore[untyped-decorator]
def outbox_process_task(self: Task, entry_ids: list[int]) -> None:
    errors = outbox_process(entry_ids=entry_ids)
    if errors and not self.request.is_eager:
        raise self.retry(exc=OutboxRetry(str(errors[0])), countdown=5 * 2**self.request.retries)


@shared_task(name="outbox.sweep", acks_late=True)  # type: ignore[untyped-decorator]
def outbox_sweep_task() -> int:
    return outbox_sweep()
