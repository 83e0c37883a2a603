"""Flask extensions, created unbound and attached in create_app with init_app."""

from typing import TYPE_CHECKING

from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()

# The base class of every model. Flask-SQLAlchemy builds db.Model from Base at run time, but
# types it as an attribute, which mypy cannot subclass; to the type checker it is Base.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model
