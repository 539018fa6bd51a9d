"""Photos and sketches of a job, kept in the database so every workstation sees them.

The bytes are checked to really be an image (or a PDF sketch) by their first bytes, not by
the file name, so a mislabelled or damaged file is refused at the counter, not at pickup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jewelbench.db import Database
from jewelbench.errors import InvalidState, ValidationError
from jewelbench.models.jobs import Job, JobPhoto
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import clean_text, parse_id, shown

MAX_BYTES = 15 * 1024 * 1024
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"%PDF-", "application/pdf"),
)


@dataclass(frozen=True)
class PhotoInfo:
    id: int
    job_id: int
    filename: str
    mime_type: str
    size: int
    caption: str | None
    at: dt.datetime
    by: str


@dataclass(frozen=True)
class Photo:
    info: PhotoInfo
    data: bytes


def sniff(data: bytes) -> str | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    for magic, mime in _SIGNATURES:
        if data.startswith(magic):
            return mime
    return None


@dataclass(frozen=True)
class NewPhoto:
    filename: str
    data: bytes
    mime_type: str
    caption: str | None = None


def parse_photo(filename: object, data: object, mime_type: object = None,
                caption: object = None, field: str = "data") -> NewPhoto:
    name = clean_text(filename, "filename", required=True, max_length=200)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ValidationError(field, "must be the file's bytes")
    data = bytes(data)
    if not data:
        raise ValidationError(field, f"{name} is empty")
    if len(data) > MAX_BYTES:
        raise ValidationError(field, f"{name} is {len(data) // (1024 * 1024)} MB; at most "
                                     f"{MAX_BYTES // (1024 * 1024)} MB per photo")
    found = sniff(data)
    if found is None:
        raise ValidationError(field, f"{name} is not a JPEG, PNG, GIF, BMP, WebP or PDF file")
    if mime_type is not None and mime_type != found:
        raise ValidationError("mime_type", f"{name} is a {found} file, not {shown(mime_type)}")
    return NewPhoto(name, data, found, clean_text(caption, "caption", max_length=200))


def parse_photos(photos: object, field: str = "photos") -> list[NewPhoto]:
    """Photos given at intake: ``(filename, data)`` or ``(filename, data, mime_type)``."""
    if photos is None:
        return []
    if isinstance(photos, str | bytes) or not hasattr(photos, "__iter__"):
        raise ValidationError(field, "must be a list of (filename, data) pairs")
    parsed = []
    for index, entry in enumerate(photos):
        if not isinstance(entry, tuple | list) or len(entry) not in (2, 3):
            raise ValidationError(field, f"entry {index + 1} is not (filename, data)")
        parsed.append(parse_photo(*entry, field=f"{field}[{index}]"))
    return parsed


def store(uow: UnitOfWork, job: Job, photo: NewPhoto) -> JobPhoto:
    row = JobPhoto(job_id=job.id, filename=photo.filename, mime_type=photo.mime_type,
                   data=photo.data, caption=photo.caption, by=uow.user)
    uow.session.add(row)
    uow.session.flush()
    return row


def _infos(session: Session, *conditions) -> list[PhotoInfo]:
    # the bytes are not loaded for a list; length() is computed by the database
    stmt = (select(JobPhoto.id, JobPhoto.job_id, JobPhoto.filename, JobPhoto.mime_type,
                   func.length(JobPhoto.data), JobPhoto.caption, JobPhoto.at, JobPhoto.by)
            .where(*conditions).order_by(JobPhoto.id))
    return [PhotoInfo(*row) for row in session.execute(stmt)]


def infos_of_job(session: Session, job_id: int) -> list[PhotoInfo]:
    return _infos(session, JobPhoto.job_id == job_id)


def add_photo(db: Database, job_id: int, filename: str, data: bytes,
              mime_type: str | None = None, caption: str | None = None) -> PhotoInfo:
    """Attach a photo or sketch to a job; refused once the job is cancelled."""
    parse_id(job_id, "job_id")
    photo = parse_photo(filename, data, mime_type, caption)
    with UnitOfWork(db) as uow:
        job = uow.get(Job, job_id, what="job")
        if job.status == "cancelled":
            raise InvalidState(f"Job {job.job_no} is cancelled")
        row = store(uow, job, photo)
        (info,) = _infos(uow.session, JobPhoto.id == row.id)
        uow.commit()
        return info


def list_photos(db: Database, job_id: int) -> list[PhotoInfo]:
    parse_id(job_id, "job_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(Job, job_id, what="job")
        return infos_of_job(uow.session, job_id)


def get_photo(db: Database, photo_id: int) -> Photo:
    parse_id(photo_id, "photo_id")
    with UnitOfWork(db, readonly=True) as uow:
        row = uow.get(JobPhoto, photo_id, what="photo", field="photo_id")
        (info,) = _infos(uow.session, JobPhoto.id == photo_id)
        return Photo(info=info, data=bytes(row.data))


def remove_photo(db: Database, photo_id: int) -> None:
    """Take off a photo attached by mistake, while the job is in flight."""
    parse_id(photo_id, "photo_id")
    with UnitOfWork(db) as uow:
        row = uow.get(JobPhoto, photo_id, what="photo", field="photo_id")
        job = uow.get(Job, row.job_id, what="job", lock=True)
        if job.status not in ("open", "in_progress", "ready"):
            raise InvalidState(f"Job {job.job_no} is {job.status}; its photos are kept")
        uow.session.delete(row)
        uow.commit()
