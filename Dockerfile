# Production image: gunicorn for the web, the same image runs the Celery worker and beat.
FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY factcheck ./factcheck
COPY sources ./sources
COPY claims ./claims
RUN pip install .
COPY . .
RUN SECRET_KEY=collectstatic-only DATABASE_URL=postgresql://build@localhost/none \
    CELERY_BROKER_URL=redis://localhost:6379/0 python manage.py collectstatic --noinput
RUN useradd --system factcheck
USER factcheck
EXPOSE 8000
CMD ["gunicorn", "factcheck.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]
