"""The request queue: a paged table model, its view with filters, the shared deadline timer."""
