"""Task leases: background tasks survive the death of their worker (decision 0013).

- `models.TaskWorker`: each worker's heartbeat, which leases the task it runs;
- `sweep.sweep()`: a running task whose lease ran out is run again, or failed after
  KANSLI_TASK_RETRIES retries;
- `failure.on_failure`: how an app learns that its task failed for good (to show the user);
- `failure.checkpoint`: where a long task may pause in tests (KANSLI_TASK_PAUSE_SECONDS);
- `worker.LeasedWorker`: django-tasks-db's worker with a heartbeat and the sweep.
"""
