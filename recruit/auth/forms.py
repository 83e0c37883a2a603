from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import EqualTo, InputRequired, Length, ValidationError

from recruit.domain.accounts.passwords import MAX_PASSWORD_LENGTH, password_problem


class LoginForm(FlaskForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter your password"),
            Length(max=MAX_PASSWORD_LENGTH, message="Enter your password"),
        ],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class NewPasswordMixin:
    def validate_new_password(self, field: PasswordField) -> None:
        problem = password_problem(field.data or "", getattr(self, "email_for_check", None))
        if problem:
            raise ValidationError(problem)


def _new_password_field() -> PasswordField:
    return PasswordField(
        "New password",
        description="Use 15 characters or more: three or four random words work well.",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter a new password")],
    )


def _confirm_password_field() -> PasswordField:
    return PasswordField(
        "Confirm new password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter the new password again"),
            EqualTo(
                "new_password", message="The passwords do not match: enter the same password twice"
            ),
        ],
    )


class ChangePasswordForm(NewPasswordMixin, FlaskForm):
    current_password = PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your current password")],
    )
    new_password = _new_password_field()
    confirm_password = _confirm_password_field()
    submit = SubmitField("Change password", widget=GovSubmitInput())


class SetPasswordForm(NewPasswordMixin, FlaskForm):
    new_password = _new_password_field()
    confirm_password = _confirm_password_field()
    submit = SubmitField("Set my password", widget=GovSubmitInput())
